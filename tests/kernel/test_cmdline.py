"""Host tests of the command-line parser and ByteSpan."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kernel import cmdline
from kernel.bytespan import ByteSpan
from pythos.lang import Ptr, u8, u64

from .helpers import FakeMemory, span_bytes, span_of


def option(line: bytes, key: str) -> bytes | None:
    memory = FakeMemory(256)
    value = ByteSpan()
    if not cmdline.find_option(span_of(memory, line), key, value):
        return None
    return span_bytes(value)


@pytest.mark.parametrize(("line", "key", "expected"), [
    (b"/boot/kernel.elf panic=test", "panic", b"test"),
    (b"panic=test", "panic", b"test"),
    (b"  panic=index  ", "panic", b"index"),
    (b"a\tpanic=x\tb", "panic", b"x"),
    (b"verbose", "verbose", b""),
    (b"panic=a panic=b", "panic", b"b"),
    (b"panic=", "panic", b""),
    (b"panicky=1", "panic", None),
    (b"xpanic=1", "panic", None),
    (b"pan", "panic", None),
    (b"", "panic", None),
    (b"loglevel=debug panic=test", "loglevel", b"debug"),
])
def test_find_option(line, key, expected):
    assert option(line, key) == expected


def test_has_flag():
    memory = FakeMemory(64)
    line = span_of(memory, b"kernel.elf quiet")
    assert cmdline.has_flag(line, "quiet")
    assert not cmdline.has_flag(line, "loud")


def test_empty_span_with_null_data():
    value = ByteSpan()
    assert not cmdline.find_option(ByteSpan(), "panic", value)


def test_bytespan_compare():
    memory = FakeMemory(64)
    span = span_of(memory, b"debug")
    assert span.equals("debug")
    assert not span.equals("debugx")
    assert not span.equals("debu")
    assert span.starts_with("deb")
    assert not span.starts_with("debugger")
    assert int(span.at(u64(4))) == ord("g")


def test_bytespan_at_out_of_range_panics():
    from pythos.lang import PanicError
    span = ByteSpan(Ptr[u8](0), u64(0))
    with pytest.raises(PanicError):
        span.at(u64(0))


def words_of(line: bytes) -> list[bytes]:
    """Every word of ``line``, found with next_word."""
    memory = FakeMemory(len(line) + 1)
    span = span_of(memory, line)
    word = ByteSpan()
    found = []
    offset = cmdline.next_word(span, u64(0), word)
    while int(word.length) > 0:
        found.append(span_bytes(word))
        offset = cmdline.next_word(span, offset, word)
    return found


@pytest.mark.parametrize(("line", "words"), [
    (b"", []), (b"   ", []), (b"a", [b"a"]), (b" a\tbb=1  c ", [b"a", b"bb=1", b"c"]),
])
def test_next_word(line, words):
    assert words_of(line) == words


def kept(line: bytes, limit: int) -> bytes:
    memory = FakeMemory(len(line) + 1)
    out = ByteSpan()
    cmdline.keep_whole_words(span_of(memory, line), u64(limit), out)
    return span_bytes(out)


@pytest.mark.parametrize(("line", "limit", "expected"), [
    (b"a=1 loglevel=debug", 18, b"a=1 loglevel=debug"),   # fits: kept whole
    (b"a=1 loglevel=debug", 15, b"a=1"),                  # never half an option
    (b"a=1 loglevel=debug", 4, b"a=1"),                   # cut at a space
    (b"a=1 loglevel=debug", 3, b"a=1"),                   # cut just before a space
    (b"a=1   b", 5, b"a=1"),
    (b"averyveryverylongword b", 5, b""),
])
def test_keep_whole_words(line, limit, expected):
    assert kept(line, limit) == expected


@given(st.lists(st.text(alphabet="ab=1", min_size=1, max_size=6), max_size=12),
       st.lists(st.sampled_from([" ", "\t", "  "]), min_size=13, max_size=13),
       st.integers(0, 80))
def test_kept_and_lost_words_make_the_whole_line(words, gaps, limit):
    line = "".join(gap + word for gap, word in zip(gaps, words, strict=False)).encode()
    keep = kept(line, limit)
    assert len(keep) <= limit
    assert line.startswith(keep)
    kept_words = keep.split()
    # The kept part is a run of whole words, and the rest are all the others.
    assert kept_words == line.split()[:len(kept_words)]
    if len(line) <= limit:
        assert keep == line
