"""The terminal relay of `pythos run` (pythos/kernel_tools/terminal.py): the Ctrl-A escape
and the status line, without QEMU (tests/qemu/test_run_terminal.py runs it
for real in a pseudo-terminal)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pythos.kernel_tools.terminal import EscapeDecoder, scroll_region, status_line


def model(data: bytes) -> tuple[bytes, bool]:
    """What reaches the guest, and whether Ctrl-A X was typed."""
    out, i = bytearray(), 0
    while i < len(data):
        if data[i] != 1:
            out.append(data[i])
        elif i + 1 == len(data):
            break                       # a lone Ctrl-A waits for the next key
        elif data[i + 1] in b"xX\x18":
            return bytes(out), True
        elif data[i + 1] == 1:
            out.append(1)
            i += 1
        else:
            out += data[i:i + 2]
            i += 1
        i += 1
    return bytes(out), False


@given(st.lists(st.binary(max_size=8).map(lambda b: b.replace(b"\x00", b"\x01")), max_size=8))
def test_decoder_matches_the_model_however_input_is_split(chunks: list[bytes]) -> None:
    decoder = EscapeDecoder()
    out = b"".join(decoder.feed(chunk) for chunk in chunks)
    assert (out, decoder.quit) == model(b"".join(chunks))


def test_quit_keys() -> None:
    for key in (b"x", b"X", b"\x18"):
        decoder = EscapeDecoder()
        assert decoder.feed(b"ab\x01" + key + b"cd") == b"ab"
        assert decoder.quit
    decoder = EscapeDecoder()
    assert decoder.feed(b"\x01\x01x\x01c") == b"\x01x\x01c"
    assert not decoder.quit


def test_status_line_is_drawn_on_the_last_row_and_restores_the_cursor() -> None:
    line = status_line("Ctrl-A X quits QEMU", 30, 40)
    assert line.startswith(b"\x1b7\x1b[30;1H\x1b[7m Ctrl-A X quits QEMU")
    assert line.endswith(b"\x1b[0m\x1b8")
    assert len(status_line("x" * 100, 30, 40)) == len(line)   # cut to the width
    assert scroll_region(30) == b"\x1b[1;29r\x1b[H"
