"""Host tests of console input as read(0, ...) hands it to a process:
through the line editor, so only finished lines, echoed as typed."""

from __future__ import annotations

import pytest

import kernel.proc.line_editor as line_editor
import kernel.proc.tty as tty
from kernel.drivers.terminal import key_event
from pythos.lang import Array, addr_of, u8, u32, u64


@pytest.fixture
def typed(monkeypatch):
    """Replace the input sources with a list of events to type."""
    events: list[int] = []
    monkeypatch.setattr(tty, "next_event",
                        lambda: u32(events.pop(0)) if events else tty.NO_INPUT)
    line_editor.clear(tty.line)
    yield events
    line_editor.clear(tty.line)


def read(length: int) -> bytes | int:
    """What read returns: the bytes, or NOT_YET / 0 as an int."""
    buffer = Array[u8, 300]()
    count = tty.read(addr_of(buffer), u64(length))
    if count <= 0:
        return int(count)
    return bytes(buffer[i] for i in range(count))


def test_nothing_is_read_before_the_line_is_finished(typed, capsys):
    typed.extend([ord(c) for c in "hé€😀"])
    assert read(64) == tty.NOT_YET
    assert capsys.readouterr().out == "hé€😀"  # echoed while it waits
    typed.append(0x0D)
    assert read(64) == "hé€😀\n".encode()
    assert capsys.readouterr().out == "\n"
    assert read(64) == tty.NOT_YET  # nothing more: the caller blocks


def test_the_reader_gets_the_edited_line(typed, capsys):
    typed.extend([ord("l"), ord("x"), 0x7F, ord("s"), int(key_event(u8(1))), 0x0D])
    assert read(64) == b"ls\n"
    assert capsys.readouterr().out == "lx\b \bs\n"
    typed.extend([ord("o"), ord("o"), ord("p"), ord("s"), 0x15, ord("k"), 0x0D])
    assert read(64) == b"k\n"


def test_a_line_is_read_in_pieces_and_the_next_waits(typed):
    typed.extend([ord(c) for c in "hello\rnext\r"])
    assert read(2) == b"he"
    assert read(64) == b"llo\n"
    assert read(1) == b"n"
    assert read(64) == b"ext\n"


def test_a_character_split_across_reads_is_kept(typed):
    typed.extend([ord("€"), ord("x"), 0x0D])
    assert read(1) == b"\xe2"
    assert read(2) == b"\x82\xac"
    assert read(5) == b"x\n"


def test_ctrl_d_sends_the_line_and_on_an_empty_line_ends_the_input(typed):
    typed.extend([ord("h"), ord("i"), 0x04, 0x04])
    assert read(64) == b"hi"
    assert read(64) == 0
    assert read(64) == tty.NOT_YET


def test_a_line_too_long_for_the_editor_comes_in_pieces_and_none_is_lost(typed, capsys):
    typed.extend([ord("a")] * 255 + [ord("b")] * 10 + [0x0D])
    assert read(300) == b"a" * 255
    assert read(300) == b"b" * 10 + b"\n"
    assert capsys.readouterr().out == "a" * 255 + "b" * 10 + "\n"
