"""The editor's actions drawn on a VGA text screen.

``editor.py`` describes every change to the line as actions (WRITE,
LEFT n, RIGHT n, NEWLINE, CLEAR, BELL); ``ansi.py`` turns them into
escape sequences for a terminal, and this module carries them out on a
``textscreen.TextScreen``, the 80x25 cell array that ``vga.py`` mirrors to
the hardware.  It is pure logic too: the host test draws on a
``TextScreen`` of its own and reads the cells back.

A text screen has no escape sequences; its cursor is two numbers, and the
renderer sets them.  The cursor's place is taken as a *linear* cell
number, ``row * 80 + column``, so a move of n cells left or right is a
subtraction or an addition whatever rows it crosses, and the row and
column come back with a division.  ``TextScreen``'s pending wrap
(``column == WIDTH`` after a write into the last column) is the same
linear number as the first cell of the next row, so it needs no special
case, except at the very bottom: a move to the cell past the screen's
last one is that pending wrap, not a row that does not exist.

A line that wraps at the bottom row scrolls the screen, and rows scrolled
off the top are gone.  Because every move is relative to where the cursor
is now, scrolling shifts nothing the renderer relies on; only a move left
past the top row stops at the top left cell, where the prompt's start has
already left the screen.  (At 80 columns and the editor's 1,000-character
limit a line takes at most 13 rows, so this happens only when the line
begins near the bottom and is very long.)  BELL is silent here; the PC
speaker can make it audible.
"""

from kernel.drivers.textscreen import CELLS, HEIGHT, WIDTH, TextScreen
from kernel.shell import editor
from kernel.shell.editor import Action
from pythos.lang import u32


def position(screen: TextScreen) -> int:
    """The cursor as a linear cell number (a pending wrap included)."""
    return int(screen.row) * WIDTH + int(screen.column)


def move(screen: TextScreen, target: int) -> None:
    """Put the cursor on linear cell ``target`` (clamped to the screen)."""
    if target < 0:
        target = 0
    if target >= CELLS:
        screen.row = u32(HEIGHT - 1)
        screen.column = u32(WIDTH)
        return
    screen.row = u32(target // WIDTH)
    screen.column = u32(target % WIDTH)


def render(screen: TextScreen, actions: list[Action]) -> None:
    """Carry out ``actions`` on ``screen`` (its caller holds the screen's lock)."""
    for action in actions:
        if action.kind == editor.WRITE:
            screen.write_str(action.text)
        elif action.kind == editor.LEFT:
            move(screen, position(screen) - action.count)
        elif action.kind == editor.RIGHT:
            move(screen, position(screen) + action.count)
        elif action.kind == editor.NEWLINE:
            screen.newline()
        elif action.kind == editor.CLEAR:
            screen.reset(screen.attribute)
