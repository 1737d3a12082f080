"""The VGA text-mode console: 80x25 coloured characters at physical 0xB8000.

The firmware leaves the VGA adapter in text mode 3, where the screen is a
buffer of 2000 cells (character, attribute) at physical 0xB8000, visible
through the boot window at ``KERNEL_VMA + 0xB8000``.  All the text logic
(cursor movement, wrapping, scrolling, control characters, colours) lives
in ``textscreen.TextScreen`` and is tested on the host; this module owns the
one ``screen`` and mirrors it to the hardware:

* ``flush`` copies the cells changed since the last flush to video memory
  with volatile stores.  Volatile, because to the compiler video memory is
  ordinary memory that nobody reads, and it would be free to merge, reorder
  or drop the stores.
* The blinking hardware cursor is moved through the CRT controller (CRTC),
  an indexed register file: write a register number to port 0x3D4, then
  its value to 0x3D5.  Registers 0x0E/0x0F hold the cursor's cell index
  (high/low byte) and 0x0A/0x0B the scan lines it covers.
* ``init`` also turns off blinking text in the attribute controller (mode
  control register 0x10, bit 3), so attribute bit 7 means a bright
  background and all 16 background colours are usable.

Usage::

    from kernel.drivers.vga import Color
    vga.println("Hello", fg=Color.LIGHT_BLUE)

``screen`` and the CRTC are guarded by ``lock``.  The functions that end in
``_locked`` expect the caller to hold it.
"""

from typing import Final

import kernel.arch.x86_64.port as port
from kernel.drivers import color as Color
from kernel.drivers.textscreen import CELLS, TextScreen
from kernel.sync.spinlock import Mutex
from pythos.lang import Ptr, u8, u16, u32, u64

# The text buffer, through the boot window (see layout.py).
VGA_TEXT: Final = u64(0xFFFFFFFF800B8000)

CRTC_INDEX: Final = u16(0x3D4)
CRTC_DATA: Final = u16(0x3D5)
CRTC_CURSOR_START: Final = u8(0x0A)
CRTC_CURSOR_END: Final = u8(0x0B)
CRTC_CURSOR_HIGH: Final = u8(0x0E)
CRTC_CURSOR_LOW: Final = u8(0x0F)
# An underline cursor: scan lines 14-15 of the 16-line character cell.
CURSOR_FIRST_LINE: Final = u8(14)
CURSOR_LAST_LINE: Final = u8(15)

# Reading the input status register resets the attribute controller's
# index/data flip-flop to "index".
INPUT_STATUS_1: Final = u16(0x3DA)
ATTRIBUTE_INDEX: Final = u16(0x3C0)
ATTRIBUTE_DATA_READ: Final = u16(0x3C1)
# Register 0x10 (mode control) with bit 5 set: keep the palette enabled,
# or the screen goes blank while we program it.
ATTRIBUTE_MODE_CONTROL: Final = u8(0x30)
MODE_CONTROL_BLINK: Final = u8(0x08)

# Light grey on black, what the BIOS leaves (a Final cannot name another
# module's constant yet, hence the numbers).
DEFAULT_FG: Final = u8(7)
DEFAULT_BG: Final = u8(0)

# Guards ``screen``, ``cursor_shown_at`` and the CRTC and attribute
# controller ports.
lock = Mutex()
screen = TextScreen()
# The cell the hardware cursor is at, to skip redundant port writes.
cursor_shown_at = u32(0xFFFF)


def crtc_write(register: u8, value: u8) -> None:
    """Set a CRT controller register.  Caller holds ``lock``."""
    port.write8(CRTC_INDEX, register)
    port.write8(CRTC_DATA, value)


def crtc_read(register: u8) -> u8:
    """Read a CRT controller register.  Caller holds ``lock``."""
    port.write8(CRTC_INDEX, register)
    return port.read8(CRTC_DATA)


def disable_blink() -> None:
    """Make attribute bit 7 a bright background.  Caller holds ``lock``."""
    port.read8(INPUT_STATUS_1)
    port.write8(ATTRIBUTE_INDEX, ATTRIBUTE_MODE_CONTROL)
    mode = port.read8(ATTRIBUTE_DATA_READ)
    port.write8(ATTRIBUTE_INDEX, mode & ~MODE_CONTROL_BLINK)


def enable_cursor() -> None:
    """Show the hardware cursor as an underline.  Caller holds ``lock``.

    The top bits of both registers are unrelated settings (bit 5 of the
    start register hides the cursor) and are kept.
    """
    crtc_write(CRTC_CURSOR_START, (crtc_read(CRTC_CURSOR_START) & 0xC0) | CURSOR_FIRST_LINE)
    crtc_write(CRTC_CURSOR_END, (crtc_read(CRTC_CURSOR_END) & 0xE0) | CURSOR_LAST_LINE)


def flush_locked() -> None:
    """Copy the changed cells to video memory and move the cursor.

    Caller holds ``lock``.
    """
    global cursor_shown_at
    start = screen.dirty_start
    end = screen.dirty_end
    if end > u32(CELLS):
        end = u32(CELLS)
    video = Ptr[u16](VGA_TEXT)
    for i in range(start, end):
        (video + i).volatile_store(screen.cells[i])
    screen.clear_dirty()
    at = screen.cursor_index()
    if at != cursor_shown_at:
        crtc_write(CRTC_CURSOR_LOW, u8(at & 0xFF))
        crtc_write(CRTC_CURSOR_HIGH, u8(at >> 8))
        cursor_shown_at = at


def init() -> None:
    """Clear the screen, turn blinking off and show the cursor."""
    with lock:
        disable_blink()
        enable_cursor()
        screen.reset(Color.attribute(DEFAULT_FG, DEFAULT_BG))
        flush_locked()


def clear() -> None:
    """Blank the screen in the current colour and home the cursor."""
    with lock:
        screen.reset(screen.attribute)
        flush_locked()


def set_color(fg: u8, bg: u8 = DEFAULT_BG) -> None:
    """Use ``fg`` on ``bg`` for text written without an explicit colour."""
    with lock:
        screen.set_color(fg, bg)


def current_attribute() -> u8:
    """The attribute byte used for text written without a colour."""
    with lock:
        attribute = screen.attribute
    return attribute


def write_attribute(data: Ptr[u8], length: u64, attribute: u8,
                    wrap_indent: u32 = u32(0)) -> None:
    """Write bytes in the given attribute, keeping the current colour; a
    line too long for the screen continues ``wrap_indent`` columns in.

    Safety: ``data`` must point at ``length`` readable bytes.
    """
    with lock:
        saved = screen.attribute
        screen.set_attribute(attribute)
        screen.wrap_indent = wrap_indent
        screen.write(data, length)
        screen.wrap_indent = u32(0)
        screen.set_attribute(saved)
        flush_locked()


def write_bytes(data: Ptr[u8], length: u64) -> None:
    """Write bytes in the current colour.

    Safety: ``data`` must point at ``length`` readable bytes.
    """
    with lock:
        screen.write(data, length)
        flush_locked()


def write(s: str, fg: u8 = DEFAULT_FG, bg: u8 = DEFAULT_BG) -> None:
    """Write a string in ``fg`` on ``bg``, keeping the current colour."""
    with lock:
        saved = screen.attribute
        screen.set_color(fg, bg)
        screen.write_str(s)
        screen.set_attribute(saved)
        flush_locked()


def println(s: str, fg: u8 = DEFAULT_FG, bg: u8 = DEFAULT_BG) -> None:
    """Write a string and a newline in ``fg`` on ``bg``."""
    write(s, fg, bg)
    write("\n", fg, bg)
