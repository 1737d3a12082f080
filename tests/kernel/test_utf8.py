"""The UTF-8 decoder against CPython's ``decode("utf-8", "replace")``, and CP437."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kernel.drivers import cp437
from kernel.utf8 import REPLACEMENT, Utf8Decoder
from pythos.lang import u8, u32


def decode(data: bytes) -> str:
    decoder = Utf8Decoder()
    out = []
    for b in data:
        n = decoder.feed(u8(b))
        out += [chr(decoder.out[i]) for i in range(n)]
    n = decoder.flush()
    out += [chr(decoder.out[i]) for i in range(n)]
    return "".join(out)


# Bytes near the interesting boundaries, so malformed sequences are common.
tricky = st.sampled_from([0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
                          0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF])


@given(st.text())
@settings(max_examples=300)
def test_valid_text_round_trips(text: str) -> None:
    # Surrogates cannot be encoded; st.text() leaves them out.
    assert decode(text.encode()) == text


@given(st.lists(st.one_of(st.integers(0, 255), tricky), max_size=40).map(bytes))
@settings(max_examples=1000)
def test_malformed_input_is_replaced_as_cpython_does(data: bytes) -> None:
    assert decode(data) == data.decode("utf-8", errors="replace")


def test_examples() -> None:
    assert decode("é£€😀".encode()) == "é£€😀"
    assert decode(b"a\xc3b") == "a\ufffdb"                  # broken sequence
    assert decode(b"\xc0\xaf") == "\ufffd\ufffd"            # overlong "/"
    assert decode(b"\xed\xa0\x80") == "\ufffd" * 3          # a surrogate
    assert decode(b"\xf4\x90\x80\x80") == "\ufffd" * 4      # beyond U+10FFFF
    assert decode(b"\xe2\x82") == "\ufffd"                  # cut short


def test_a_character_split_across_feeds_waits() -> None:
    decoder = Utf8Decoder()
    assert decoder.feed(u8(0xC3)) == 0 and decoder.pending()
    assert decoder.feed(u8(0xA9)) == 1 and decoder.out[0] == 0xE9
    assert not decoder.pending()
    assert decoder.flush() == 0
    decoder.feed(u8(0xE2))
    assert decoder.flush() == 1 and decoder.out[0] == REPLACEMENT


def test_cp437_table_matches_the_codec() -> None:
    for byte in range(256):
        expected = bytes([byte]).decode("cp437")
        assert chr(cp437.code_point(u8(byte))) == expected
        if byte >= 0x80 or 0x20 <= byte <= 0x7E:
            assert cp437.from_code_point(u32(ord(expected))) == byte


@given(st.integers(0, 0x10FFFF))
def test_cp437_glyph_or_none(code_point: int) -> None:
    glyph = cp437.from_code_point(u32(code_point))
    try:
        encoded = chr(code_point).encode("cp437")
    except UnicodeEncodeError:
        encoded = b""
    if code_point < 0x20 or code_point == 0x7F:
        assert glyph == cp437.NO_GLYPH
    else:
        assert glyph == (encoded[0] if encoded else cp437.NO_GLYPH)


def test_cp437_examples() -> None:
    assert cp437.from_code_point(u32(ord("é"))) == 0x82
    assert cp437.from_code_point(u32(ord("£"))) == 0x9C
    assert cp437.from_code_point(u32(ord("╔"))) == 0xC9
    assert cp437.from_code_point(u32(ord("€"))) == cp437.NO_GLYPH
    assert cp437.from_code_point(REPLACEMENT) == cp437.NO_GLYPH
