"""An 80x25 grid of text cells with a cursor: the VGA console's logic.

This is the part of the VGA driver that needs no hardware, so it is
unit-tested under CPython (tests/kernel/test_textscreen.py).  A
``TextScreen`` keeps its cells in ordinary memory, in exactly the format
of the VGA text buffer: one ``u16`` per cell, row after row::

    bits 15-8   attribute (background << 4 | foreground, see color.py)
    bits  7-0   character, code page 437

``vga.py`` copies the cells that changed to video memory with volatile
stores.  Keeping the authoritative copy here has three benefits: reading
video memory is slow on real hardware and scrolling needs to read, the
logic can be tested without a screen, and a burst of output costs one
copy of the changed region however often it scrolled.  ``dirty_start``
and ``dirty_end`` bound the cells changed since the driver last copied.

Writing bytes:

* printable ASCII (0x20-0x7E) goes in the cell under the cursor, which
  then moves right;
* ``\\n`` moves to the start of the next line, ``\\r`` to the start of this
  one, ``\\t`` writes blanks up to the next multiple of 8 columns, and
  ``\\b`` moves one column left and blanks that cell (what a line editor
  echoing a backspace wants; it stops at the left edge);
* bytes of 0x80 and above are UTF-8, the encoding of every ``str`` in
  Pythos and of what terminals send: they are decoded (``utf8.py``) and
  each character is drawn as its code page 437 glyph (``cp437.py``: é,
  ü, £, box drawing), so "é" takes one cell, not two;
* every other control byte, a character the font lacks (€, a CJK
  ideograph) and each malformed UTF-8 sequence are shown as one
  placeholder glyph 0xFE (a small square), so binary garbage is visible as
  such and never switches the screen into a state we cannot see.

A character split across two writes is drawn when its last byte
arrives; the decoder keeps the first bytes in between.

Line wrap is deferred: after a character lands in the last column the
cursor stays "past the end" (``column == WIDTH``) and the wrap happens only
when another character follows.  So an 80-character line followed by
``\\n`` takes one row, not two.  Moving past the last row scrolls
everything up one row and blanks the bottom row.

A wrapped line continues at column ``wrap_indent`` (0 unless the writer
sets it), the cells before it blank: the console indents what it wraps of
a panic report, so that a reader sees where each of its lines starts.
"""

from typing import Final

from kernel.drivers import color as Color
from kernel.drivers import cp437
from kernel.utf8 import Utf8Decoder
from pythos.lang import Array, Ptr, str_bytes, struct, u8, u16, u32, u64

WIDTH: Final = 80
HEIGHT: Final = 25
CELLS: Final = 2000
TAB_WIDTH: Final = 8
# CP437 0xFE, a centred small square.
PLACEHOLDER: Final = u8(0xFE)
BLANK_CHAR: Final = u8(0x20)
DEFAULT_ATTRIBUTE: Final = u8(0x07)


def make_cell(char: u8, attribute: u8) -> u16:
    """The 16-bit cell for ``char`` in ``attribute``."""
    return (u16(attribute) << 8) | u16(char)


def cell_char(cell: u16) -> u8:
    """The character of a cell."""
    return u8(cell & 0xFF)


def cell_attribute(cell: u16) -> u8:
    """The attribute byte of a cell."""
    return u8(cell >> 8)


def is_printable(b: u8) -> bool:
    """Whether ``b`` is shown as itself (printable ASCII)."""
    return 0x20 <= b <= 0x7E


@struct
class TextScreen:
    """The cells, the cursor and the current colour of one text screen."""

    cells: Array[u16, 2000]
    # Cursor row, 0 to HEIGHT - 1.
    row: u32
    # Cursor column, 0 to WIDTH; WIDTH means a wrap is pending.
    column: u32
    # Where a wrapped line continues, below WIDTH (see above).
    wrap_indent: u32
    # Attribute for the characters written next.
    attribute: u8
    # Cells [dirty_start, dirty_end) changed since the last take_dirty.
    dirty_start: u32
    dirty_end: u32
    # Decodes bytes 0x80 and above (a character may span two writes).
    utf8: Utf8Decoder

    def reset(self, attribute: u8) -> None:
        """Blank the screen in ``attribute`` and home the cursor."""
        self.attribute = attribute
        blank = make_cell(BLANK_CHAR, attribute)
        for i in range(CELLS):
            self.cells[i] = blank
        self.row = u32(0)
        self.column = u32(0)
        self.wrap_indent = u32(0)
        self.mark_dirty(u32(0), u32(CELLS))

    def set_attribute(self, attribute: u8) -> None:
        """Use ``attribute`` for the characters written from now on."""
        self.attribute = attribute

    def set_color(self, fg: u8, bg: u8) -> None:
        """Use ``fg`` on ``bg`` for the characters written from now on."""
        self.attribute = Color.attribute(fg, bg)

    # -- dirty region -----------------------------------------------------

    def mark_dirty(self, start: u32, end: u32) -> None:
        """Record that cells [start, end) changed."""
        if self.dirty_start == self.dirty_end:
            self.dirty_start = start
            self.dirty_end = end
            return
        if start < self.dirty_start:
            self.dirty_start = start
        if end > self.dirty_end:
            self.dirty_end = end

    def clear_dirty(self) -> None:
        """Forget the dirty region (the driver has copied it)."""
        self.dirty_start = u32(0)
        self.dirty_end = u32(0)

    # -- cursor -----------------------------------------------------------

    def cursor_index(self) -> u32:
        """The cell the hardware cursor should mark.

        During a pending wrap that is the last column (the cursor cannot
        leave the screen).
        """
        column = self.column
        if column == WIDTH:
            column = u32(WIDTH - 1)
        return self.row * WIDTH + column

    def newline(self) -> None:
        """Move to the start of the next line, scrolling at the bottom."""
        self.column = u32(0)
        if self.row + 1 == HEIGHT:
            self.scroll()
        else:
            self.row += 1

    def scroll(self) -> None:
        """Move every row up by one and blank the bottom row."""
        for i in range(CELLS - WIDTH):
            self.cells[i] = self.cells[i + WIDTH]
        blank = make_cell(BLANK_CHAR, self.attribute)
        for i in range(CELLS - WIDTH, CELLS):
            self.cells[i] = blank
        self.mark_dirty(u32(0), u32(CELLS))

    def wrap(self) -> None:
        """Continue a line that is too long on the next row, ``wrap_indent``
        blank cells in."""
        self.newline()
        indent = self.wrap_indent
        if indent >= WIDTH:
            indent = u32(WIDTH - 1)
        index = self.row * WIDTH
        blank = make_cell(BLANK_CHAR, self.attribute)
        for i in range(indent):
            self.cells[index + i] = blank
        self.mark_dirty(index, index + indent)
        self.column = indent

    def put_visible(self, char: u8) -> None:
        """Put a glyph at the cursor and advance, wrapping if one is pending."""
        if self.column == WIDTH:
            self.wrap()
        index = self.row * WIDTH + self.column
        self.cells[index] = make_cell(char, self.attribute)
        self.mark_dirty(index, index + 1)
        self.column += 1

    def tab(self) -> None:
        """Blank up to the next tab stop (wrapping first if one is pending)."""
        if self.column == WIDTH:
            self.wrap()
        stop = (self.column // TAB_WIDTH + 1) * TAB_WIDTH
        while self.column < stop:
            self.put_visible(BLANK_CHAR)

    def backspace(self) -> None:
        """Step back one column and blank that cell; nothing at the left edge."""
        if self.column == 0:
            return
        self.column -= 1
        index = self.row * WIDTH + self.column
        self.cells[index] = make_cell(BLANK_CHAR, self.attribute)
        self.mark_dirty(index, index + 1)

    # -- writing ----------------------------------------------------------

    def put(self, b: u8) -> None:
        """Write one byte: ASCII and control characters, or part of UTF-8."""
        if b >= 0x80 or self.utf8.pending():
            count = self.utf8.feed(b)
            for i in range(count):
                self.put_character(self.utf8.out[i])
            return
        self.put_ascii(b)

    def put_character(self, character: u32) -> None:
        """Draw a decoded character: its CP437 glyph, or the placeholder."""
        if character < 0x80:
            self.put_ascii(u8(character))
            return
        glyph = cp437.from_code_point(character)
        if glyph == cp437.NO_GLYPH:
            glyph = PLACEHOLDER
        self.put_visible(glyph)

    def put_ascii(self, b: u8) -> None:
        """Write an ASCII byte, interpreting the control characters above."""
        if is_printable(b):
            self.put_visible(b)
        elif b == 0x0A:
            self.newline()
        elif b == 0x0D:
            self.column = u32(0)
        elif b == 0x09:
            self.tab()
        elif b == 0x08:
            self.backspace()
        else:
            self.put_visible(PLACEHOLDER)

    def write(self, data: Ptr[u8], length: u64) -> None:
        """Write ``length`` bytes from ``data``.

        Safety: ``data`` must point at ``length`` readable bytes.
        """
        for i in range(length):
            self.put(data[i])

    def write_str(self, s: str) -> None:
        """Write a string."""
        for b in str_bytes(s):
            self.put(u8(b))

    # -- reading (for tests and diagnostics) ------------------------------

    def char_at(self, row: u32, column: u32) -> u8:
        """The character in a cell."""
        return cell_char(self.cells[row * WIDTH + column])

    def attribute_at(self, row: u32, column: u32) -> u8:
        """The attribute of a cell."""
        return cell_attribute(self.cells[row * WIDTH + column])
