"""Host tests of console input as read(0, ...) hands it to a process."""

from __future__ import annotations

import pytest

import kernel.proc.tty as tty
from kernel.drivers.terminal import key_event
from pythos.lang import Array, addr_of, u8, u32, u64


@pytest.fixture
def typed(monkeypatch):
    """Replace the input sources with a list of events to type."""
    events: list[int] = []
    monkeypatch.setattr(tty, "next_event",
                        lambda: u32(events.pop(0)) if events else tty.NO_INPUT)
    monkeypatch.setattr(tty, "pending_start", u64(0))
    monkeypatch.setattr(tty, "pending_end", u64(0))
    return events


def read(length: int) -> bytes:
    buffer = Array[u8, 64]()
    count = tty.read(addr_of(buffer), u64(length))
    return bytes(buffer[i] for i in range(count))


def test_characters_come_as_utf8_and_enter_as_newline(typed):
    typed.extend([ord(c) for c in "hé€😀"] + [0x0D])
    assert read(64) == "hé€😀\n".encode()
    assert read(64) == b""  # nothing more: the caller blocks


def test_keys_that_are_not_characters_are_dropped(typed):
    typed.extend([ord("a"), int(key_event(u8(1))), ord("b")])
    assert read(64) == b"ab"


def test_a_character_split_across_reads_is_kept(typed):
    typed.extend([ord("€"), ord("x")])
    assert read(1) == b"\xe2"
    assert read(2) == b"\x82\xac"
    assert read(5) == b"x"


def test_a_short_buffer_takes_only_what_fits(typed):
    typed.extend([ord(c) for c in "hello"])
    assert read(2) == b"he"
    assert read(64) == b"llo"
