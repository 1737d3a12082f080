"""The serial terminal decoder: escape sequences become keys, the rest is UTF-8.

The model: a stream is text (any bytes but ESC) and escape sequences; the
text must decode exactly as CPython decodes it (with U+FFFD for malformed
bytes), and each sequence must give its key, or nothing for sequences
without one.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kernel.drivers import scancode as sc
from kernel.drivers.terminal import ESC, TerminalDecoder, event_key, is_key, key_event
from kernel.utf8 import REPLACEMENT
from pythos.lang import u8

SEQUENCES: list[tuple[bytes, list[int]]] = [
    (b"\x1b[A", [key_event(sc.KEY_UP)]),
    (b"\x1b[B", [key_event(sc.KEY_DOWN)]),
    (b"\x1b[C", [key_event(sc.KEY_RIGHT)]),
    (b"\x1b[D", [key_event(sc.KEY_LEFT)]),
    (b"\x1b[H", [key_event(sc.KEY_HOME)]),
    (b"\x1b[F", [key_event(sc.KEY_END)]),
    (b"\x1bOA", [key_event(sc.KEY_UP)]),
    (b"\x1bOH", [key_event(sc.KEY_HOME)]),
    (b"\x1bOF", [key_event(sc.KEY_END)]),
    (b"\x1b[1~", [key_event(sc.KEY_HOME)]),
    (b"\x1b[7~", [key_event(sc.KEY_HOME)]),
    (b"\x1b[4~", [key_event(sc.KEY_END)]),
    (b"\x1b[8~", [key_event(sc.KEY_END)]),
    (b"\x1b[3~", [key_event(sc.KEY_DELETE)]),
    (b"\x1b[2~", [key_event(sc.KEY_INSERT)]),
    (b"\x1b[5~", [key_event(sc.KEY_PAGE_UP)]),
    (b"\x1b[6~", [key_event(sc.KEY_PAGE_DOWN)]),
    (b"\x1b[1;5C", [key_event(sc.KEY_RIGHT)]),      # Ctrl+Right: modifier ignored
    (b"\x1b[3;2~", [key_event(sc.KEY_DELETE)]),     # Shift+Delete
    (b"\x1b[15~", []),                              # F5: no key here
    (b"\x1bOP", []),                                # F1
    (b"\x1b[<0;12;7M", []),                         # a mouse report
    (b"\x1b[99999999999~", []),                     # an absurd parameter
    (b"\x1b[ q", []),                               # an intermediate byte
    (b"\x1bz", [key_event(sc.KEY_ESCAPE), ord("z")]),  # Alt+z
]

text = st.binary(max_size=12).map(lambda b: b.replace(b"\x1b", b""))
pieces = st.lists(st.one_of(text.map(lambda t: (t, None)), st.sampled_from(SEQUENCES)),
                  max_size=12)


def feed(decoder: TerminalDecoder, data: bytes) -> list[int]:
    events: list[int] = []
    for b in data:
        n = decoder.feed(u8(b))
        assert n <= 2
        events += [int(decoder.out[i]) for i in range(n)]
    return events


@given(pieces)
@settings(max_examples=500)
def test_matches_the_model(stream: list[tuple[bytes, list[int] | None]]) -> None:
    # End with a sequence, which also ends any character left incomplete.
    stream = [*stream, (b"\x1b[A", [key_event(sc.KEY_UP)])]
    data = b""
    expected: list[int] = []
    text_run = b""      # adjacent text pieces decode as one
    for piece, keys in stream:
        data += piece
        if keys is None:
            text_run += piece
        else:
            # C1 controls (U+0080-U+009F) are shown as U+FFFD: a terminal would obey them.
            expected += [0xFFFD if 0x80 <= ord(c) <= 0x9F else ord(c)
                         for c in text_run.decode("utf-8", errors="replace")] + keys
            text_run = b""
    assert feed(TerminalDecoder(), data) == expected


@given(st.binary(max_size=64))
@settings(max_examples=500)
@example(b"\xc2\x9b")  # the 8-bit CSI, encoded as UTF-8
def test_garbage_never_sticks_and_never_passes_escape(garbage: bytes) -> None:
    decoder = TerminalDecoder()
    events = feed(decoder, garbage)
    # ESC and the 8-bit CSI never come out as characters: nothing a
    # terminal would obey reaches the echo.
    assert all(e != ESC and e != 0x9B for e in events)
    assert all(is_key(e) or e <= 0x10FFFF for e in events)
    # Whatever came before, a fresh sequence and text decode normally.
    assert feed(decoder, b"\x1b[Bok")[-3:] == [key_event(sc.KEY_DOWN), ord("o"), ord("k")]


def test_examples() -> None:
    decoder = TerminalDecoder()
    assert feed(decoder, b"a\x1b[Ab") == [ord("a"), key_event(sc.KEY_UP), ord("b")]
    assert feed(decoder, "é".encode()) == [0xE9]
    assert feed(decoder, b"\xc3\x1b[D") == [REPLACEMENT, key_event(sc.KEY_LEFT)]
    # A control character breaks a sequence and is itself kept.
    assert feed(decoder, b"\x1b[1\r") == [0x0D]
    assert event_key(key_event(sc.KEY_DELETE)) == sc.KEY_DELETE
    assert not is_key(0x10FFFF)


def test_a_sequence_split_across_feeds() -> None:
    decoder = TerminalDecoder()
    assert feed(decoder, b"\x1b") == []
    assert feed(decoder, b"[") == []
    assert feed(decoder, b"3") == []
    assert feed(decoder, b"~") == [key_event(sc.KEY_DELETE)]


def test_flush_ends_what_has_begun() -> None:
    decoder = TerminalDecoder()
    assert not decoder.pending() and decoder.flush() == 0
    assert feed(decoder, b"\x1b") == [] and decoder.pending()
    assert decoder.flush() == 1 and decoder.out[0] == key_event(sc.KEY_ESCAPE)
    assert feed(decoder, b"[ok") == [ord("["), ord("o"), ord("k")]
    assert feed(decoder, b"\x1b[1;") == []
    assert decoder.flush() == 0 and not decoder.pending()      # a half sequence: nothing
    assert feed(decoder, b"\xe2\x82") == []
    assert decoder.flush() == 1 and decoder.out[0] == REPLACEMENT
    assert feed(decoder, b"\x1b[A") == [key_event(sc.KEY_UP)]


@given(st.binary(max_size=32))
def test_after_a_flush_decoding_starts_afresh(garbage: bytes) -> None:
    decoder = TerminalDecoder()
    feed(decoder, garbage)
    decoder.flush()
    assert not decoder.pending()
    assert feed(decoder, "é\x1b[3~".encode()) == [0xE9, key_event(sc.KEY_DELETE)]
