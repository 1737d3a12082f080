"""Host tests of the command-line parser and ByteSpan."""

from __future__ import annotations

import pytest

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
