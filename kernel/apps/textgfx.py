"""Text graphics for full-screen programs: a back buffer of 80x25 cells.

A game redraws its whole picture every frame: clear, walls, snake, food,
score.  Doing that straight on the screen would make it flicker (a cell
is blanked, then drawn again, and the eye may see the blank) and would
cost 2000 stores to video memory a frame, most of them writing what was
already there.  So a game draws into a *back buffer* in ordinary memory,
and ``present`` copies to the screen only the cells that differ from what
the screen shows, once per frame.  This is double buffering as text mode
allows it::

    draw: clear, frame, put, text  -->  back    (list[u16], 2000 cells)
                                          |
    present: for each cell, back != shown?  -->  sink.write_cell
                                          |
                                        shown   (what the sink holds now)

A cell has the VGA text buffer's format (``textscreen.make_cell``): the
character (code page 437) in the low byte, the attribute in the high byte.

``shown`` is this module's copy of what the screen holds, so ``present``
never reads video memory (slow on real hardware).  It is right as long as
nobody else writes the screen while a game owns it; ``sync`` reads the
screen back when that cannot be promised (before the first frame, say).

A *sink* is wherever the cells go: ``CellSink`` is the interface,
``MemorySink`` an ordinary list (the host tests' screen, and the in-kernel
tests'), and ``kernel/apps/vgasink.py`` the VGA console, through the
text-screen driver and its lock.  ``present`` brackets its writes with
``begin`` and ``end`` so that a sink can take its lock once per frame and
flush once.

``save`` and ``restore`` keep the screen a program found (every cell and
the cursor), so that a game can give the shell back its screen exactly.

Coordinates are ``int`` rows and columns; drawing outside the screen is
clipped, so a pipe sliding off the left edge needs no special case.
"""

from typing import Final

from kernel.drivers import cp437
from kernel.drivers.textscreen import cell_attribute as cell_attribute
from kernel.drivers.textscreen import cell_char as cell_char
from kernel.drivers.textscreen import make_cell as make_cell
from kernel.utf8 import Utf8Decoder
from pythos.lang import str_bytes, u8, u16

WIDTH: Final = 80
HEIGHT: Final = 25
CELLS: Final = 2000
BLANK: Final = u8(0x20)
# Light grey on black, the console's colour.
DEFAULT_ATTRIBUTE: Final = u8(0x07)
# CP437 0xFE, shown for a character the font lacks (as the console does).
PLACEHOLDER: Final = u8(0xFE)

# The cells are the console's (textscreen.py: ``make_cell``, ``cell_char``,
# ``cell_attribute``, imported above); the games name them from here too.

# Box-drawing characters of code page 437, single and double lines:
# horizontal, vertical, and the corners top-left, top-right, bottom-left,
# bottom-right.
SINGLE: Final = b"\xc4\xb3\xda\xbf\xc0\xd9"
DOUBLE: Final = b"\xcd\xba\xc9\xbb\xc8\xbc"


class CellSink:
    """Where ``present`` puts cells: a screen.  This base class is a
    screen that keeps nothing; subclasses override every method."""

    def begin(self) -> None:
        """Before a batch of reads or writes (take a lock, say)."""

    def end(self) -> None:
        """After a batch: make the writes visible (flush, unlock)."""

    def read_cell(self, index: int) -> u16:
        """The cell the screen shows at ``index`` (row * WIDTH + column)."""
        return make_cell(BLANK, DEFAULT_ATTRIBUTE)

    def write_cell(self, index: int, cell: u16) -> None:
        """Show ``cell`` at ``index``."""

    def cursor_row(self) -> int:
        """The cursor's row."""
        return 0

    def cursor_column(self) -> int:
        """The cursor's column (WIDTH while a line wrap is pending)."""
        return 0

    def set_cursor(self, row: int, column: int) -> None:
        """Move the cursor."""

    def show_cursor(self, visible: bool) -> None:
        """Show or hide the cursor (a game hides it)."""


class MemorySink(CellSink):
    """A screen in a list: what tests present to.  ``writes`` counts the
    cells written, ``batches`` the ``begin``/``end`` pairs."""

    def __init__(self) -> None:
        self.cells = [make_cell(BLANK, DEFAULT_ATTRIBUTE)] * CELLS
        self.row = 0
        self.column = 0
        self.cursor_visible = True
        self.writes = 0
        self.batches = 0
        self.open = False

    def begin(self) -> None:
        assert not self.open, "begin inside a batch"
        self.open = True

    def end(self) -> None:
        assert self.open, "end without begin"
        self.open = False
        self.batches += 1

    def read_cell(self, index: int) -> u16:
        return self.cells[index]

    def write_cell(self, index: int, cell: u16) -> None:
        self.cells[index] = cell
        self.writes += 1

    def cursor_row(self) -> int:
        return self.row

    def cursor_column(self) -> int:
        return self.column

    def set_cursor(self, row: int, column: int) -> None:
        self.row = row
        self.column = column

    def show_cursor(self, visible: bool) -> None:
        self.cursor_visible = visible

    def text_row(self, row: int) -> str:
        """Row ``row`` as text: its characters, CP437 decoded (for tests)."""
        line = ""
        for column in range(WIDTH):
            line += chr(cp437.code_point(cell_char(self.cells[row * WIDTH + column])))
        return line


class Snapshot:
    """A saved screen: every cell and the cursor."""

    def __init__(self, cells: list[u16], row: int, column: int) -> None:
        self.cells = cells
        self.row = row
        self.column = column


def save(sink: CellSink) -> Snapshot:
    """What ``sink`` shows now, to give back with ``restore``."""
    cells = [u16(0)] * CELLS
    sink.begin()
    for i in range(CELLS):
        cells[i] = sink.read_cell(i)
    snapshot = Snapshot(cells, sink.cursor_row(), sink.cursor_column())
    sink.end()
    return snapshot


def restore(sink: CellSink, snapshot: Snapshot) -> int:
    """Show ``snapshot`` again; the number of cells that had to change."""
    changed = 0
    sink.begin()
    for i in range(CELLS):
        cell = snapshot.cells[i]
        if sink.read_cell(i) != cell:
            sink.write_cell(i, cell)
            changed += 1
    sink.set_cursor(snapshot.row, snapshot.column)
    sink.end()
    return changed


class TextGfx:
    """A back buffer, drawing on it, and ``present`` to a sink."""

    def __init__(self) -> None:
        blank = make_cell(BLANK, DEFAULT_ATTRIBUTE)
        self.back = [blank] * CELLS
        self.shown = [blank] * CELLS
        # Cells written by the last present.
        self.last_changed = 0

    # -- drawing --------------------------------------------------------

    def clear(self, attribute: u8 = DEFAULT_ATTRIBUTE) -> None:
        """Blank the whole back buffer in ``attribute``."""
        blank = make_cell(BLANK, attribute)
        # A local name for the list: through ``self`` each store would
        # fetch the list again and count a reference to it.
        back = self.back
        for i in range(CELLS):
            back[i] = blank

    def put(self, row: int, column: int, char: u8, attribute: u8) -> None:
        """Put one character; nothing if (row, column) is off the screen."""
        if 0 <= row < HEIGHT and 0 <= column < WIDTH:
            self.back[row * WIDTH + column] = make_cell(char, attribute)

    def get(self, row: int, column: int) -> u16:
        """The back buffer's cell at (row, column), which must be on screen."""
        return self.back[row * WIDTH + column]

    def fill(self, row: int, column: int, height: int, width: int, char: u8,
             attribute: u8) -> None:
        """Fill a rectangle (clipped to the screen)."""
        top = max(row, 0)
        bottom = min(row + height, HEIGHT)
        left = max(column, 0)
        right = min(column + width, WIDTH)
        cell = make_cell(char, attribute)
        back = self.back
        for r in range(top, bottom):
            for c in range(left, right):
                back[r * WIDTH + c] = cell

    def text(self, row: int, column: int, s: str, attribute: u8) -> int:
        """Write ``s`` from (row, column) to the right; the column after it.

        Characters beyond ASCII are drawn as their code page 437 glyph (so
        "é" and "█" take one cell), or the placeholder if the font has none.
        """
        decoder = Utf8Decoder()
        for b in str_bytes(s):
            count = decoder.feed(u8(b))
            for i in range(count):
                character = decoder.out[i]
                glyph = u8(character) if character < 0x80 else cp437.from_code_point(character)
                if glyph == cp437.NO_GLYPH or glyph < 0x20:
                    glyph = PLACEHOLDER
                self.put(row, column, glyph, attribute)
                column += 1
        return column

    def centered(self, row: int, s: str, attribute: u8) -> None:
        """Write ``s`` centred on ``row``."""
        self.text(row, (WIDTH - len(s)) // 2, s, attribute)

    def frame(self, row: int, column: int, height: int, width: int, attribute: u8,
              double: bool = False) -> None:
        """Draw a box-drawing frame around a rectangle of at least 2x2 cells,
        its corners at (row, column) and (row + height - 1, column + width - 1);
        the inside is left as it is."""
        lines = DOUBLE if double else SINGLE
        bottom = row + height - 1
        right = column + width - 1
        for c in range(column + 1, right):
            self.put(row, c, u8(lines[0]), attribute)
            self.put(bottom, c, u8(lines[0]), attribute)
        for r in range(row + 1, bottom):
            self.put(r, column, u8(lines[1]), attribute)
            self.put(r, right, u8(lines[1]), attribute)
        self.put(row, column, u8(lines[2]), attribute)
        self.put(row, right, u8(lines[3]), attribute)
        self.put(bottom, column, u8(lines[4]), attribute)
        self.put(bottom, right, u8(lines[5]), attribute)

    def message_box(self, title: str, hint: str, attribute: u8) -> None:
        """A framed box of two centred lines in the middle of the screen."""
        width = max(len(title), len(hint)) + 6
        row = HEIGHT // 2 - 2
        column = (WIDTH - width) // 2
        self.fill(row, column, 4, width, BLANK, attribute)
        self.frame(row, column, 4, width, attribute)
        self.centered(row + 1, title, attribute)
        self.centered(row + 2, hint, attribute)

    # -- showing --------------------------------------------------------

    def sync(self, sink: CellSink) -> None:
        """Read what ``sink`` shows, so the next present writes only the
        difference from it."""
        sink.begin()
        for i in range(CELLS):
            self.shown[i] = sink.read_cell(i)
        sink.end()

    def invalidate(self) -> None:
        """Forget what the screen shows: the next present writes every
        cell (after someone else has drawn on the screen)."""
        for i in range(CELLS):
            self.shown[i] = ~self.back[i]

    def present(self, sink: CellSink) -> int:
        """Copy the cells that changed since the last present to ``sink``;
        how many that was (also kept in ``last_changed``)."""
        changed = 0
        back = self.back
        shown = self.shown
        sink.begin()
        for i in range(CELLS):
            cell = back[i]
            if shown[i] != cell:
                shown[i] = cell
                sink.write_cell(i, cell)
                changed += 1
        sink.end()
        self.last_changed = changed
        return changed
