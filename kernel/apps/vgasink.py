"""The VGA console as a ``textgfx`` sink: where a game's frames go.

A frame's cells go into the console's ``TextScreen`` (``vga.screen``),
which records the region they changed, and ``end`` copies that region to
video memory with ``vga.flush_locked``: the same path the console's own
text takes, so a game and the console never disagree about what the
screen shows.  ``begin`` takes the console's lock and ``end`` releases it,
so a frame is written whole, and a kernel message printed meanwhile waits
for the frame instead of landing in the middle of it.

While a game runs the hardware cursor is hidden: bit 5 of the CRT
controller's cursor-start register (0x0A) turns it off, and the game's
runner turns it on again when it gives the screen back.
"""

from typing import Final

import kernel.drivers.vga as vga
from kernel.apps.textgfx import CellSink
from pythos.lang import u8, u16, u32

CURSOR_OFF: Final = u8(0x20)


class VgaSink(CellSink):
    """The VGA text console, through its driver and lock."""

    def begin(self) -> None:
        vga.lock.lock()

    def end(self) -> None:
        vga.flush_locked()
        vga.lock.unlock()

    def read_cell(self, index: int) -> u16:
        return vga.screen.cells[index]

    def write_cell(self, index: int, cell: u16) -> None:
        vga.screen.cells[index] = cell
        vga.screen.mark_dirty(u32(index), u32(index + 1))

    def cursor_row(self) -> int:
        return int(vga.screen.row)

    def cursor_column(self) -> int:
        return int(vga.screen.column)

    def set_cursor(self, row: int, column: int) -> None:
        vga.screen.row = u32(row)
        vga.screen.column = u32(column)

    def show_cursor(self, visible: bool) -> None:
        with vga.lock:
            start = vga.crtc_read(vga.CRTC_CURSOR_START)
            if visible:
                start &= ~CURSOR_OFF
            else:
                start |= CURSOR_OFF
            vga.crtc_write(vga.CRTC_CURSOR_START, start)
