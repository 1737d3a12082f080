"""The console's line discipline: a line is edited before anyone reads it.

Typed characters do not go to a reader one by one.  They collect in a
``LineEditor`` while the user types, each shown as it comes (*echo*), and
only a finished line can be read.  That is what a Unix terminal does in
its "canonical" mode, and why a program that calls ``read(0)`` gets
``ls -l\\n`` and never the Backspace that fixed a typo in it.  The same
editor serves ``read(0)`` for processes (kernel/proc/tty.py) and the
kernel's own console loop (kernel/echo.py), so both edit alike.

The keys, one input event at a time (``feed``)::

    Enter (CR or LF)    end the line: a newline is added, and echoed
    Backspace (BS/DEL)  erase the last character: "\\b \\b" on the screen
    Ctrl-U              erase the whole line, one "\\b \\b" per character
    Ctrl-D              end the line as it is, without a newline; on an
                        empty line, end of input: read returns 0
    Tab                 kept as a tab, shown as one space
    other characters    kept as UTF-8, shown as themselves

Keys that are not characters (arrows, Home, ...), the other control
characters and the C1 controls U+0080-U+009F are dropped and not shown,
as the echo loop always did: shown raw, ``ESC [ A`` would move a
terminal's cursor.

**Echo and erase agree cell for cell.**  "\\b \\b" (back, blank, back)
erases one character cell, on the VGA screen and on a serial terminal.
So every kept character must take exactly one cell when echoed: that is
why a Tab is shown as one space (a real tab would move the cursor up to
eight cells, and erasing it would leave the rest), and why the control
characters that a terminal draws as two cells (``^C``) or none are not
kept at all.  A multi-byte UTF-8 character is one cell and is erased
whole: the editor walks back over its continuation bytes (10xxxxxx).

**The buffer.**  A line holds ``LINE_MAX`` bytes, its newline included.
The last byte is kept for the newline, so Enter always fits.  A
character that does not fit ends the line as it is, without a newline,
as Ctrl-D would, and becomes the first character of the next line
(``carry``): a line too long for the buffer reaches the reader in pieces,
and nothing typed is lost.  It is echoed when that next line starts
(``clear``), so the screen shows it where the next line's editing can
erase it.  A reader may take a finished line in several reads
(``take``); the next line can be typed only once it is all taken.  Until
then, events wait in the keyboard and serial buffers.

**What is echoed** is a list of characters (``echo``, code points, up to
3 per erased character), which the caller prints: the editor itself
prints nothing, so host tests read it directly.
"""

from typing import Final

from kernel.drivers.terminal import is_key
from pythos.lang import Array, Ptr, struct, u8, u32, u64

LINE_MAX: Final = u64(256)
# The most characters one event can echo: Ctrl-U on a full line.
ECHO_MAX: Final = u64(768)

CTRL_D: Final = u32(0x04)
BACKSPACE: Final = u32(0x08)
TAB: Final = u32(0x09)
NEWLINE: Final = u32(0x0A)
CARRIAGE_RETURN: Final = u32(0x0D)
CTRL_U: Final = u32(0x15)
SPACE: Final = u32(0x20)
DELETE: Final = u32(0x7F)
# The C1 control characters end here (exclusive).
C1_END: Final = u32(0xA0)


@struct
class LineEditor:
    """A line being typed, or a finished one being read."""

    text: Array[u8, 256]  # the line's UTF-8 bytes
    length: u64  # bytes in ``text``
    finished: bool  # Enter or Ctrl-D ended it: ``take`` may read it
    taken: u64  # bytes of a finished line already read
    echo: Array[u32, 768]  # what the last event shows, as characters
    echo_length: u64
    carrying: bool  # a character did not fit: ``carry`` starts the next line
    carry: u32


def clear(line: LineEditor) -> None:
    """Start a new line: empty, or holding the character that did not fit
    the last one, which ``echo`` then shows."""
    line.length = u64(0)
    line.finished = False
    line.taken = u64(0)
    line.echo_length = u64(0)
    if line.carrying:
        append_utf8(line, line.carry)
        show(line, SPACE if line.carry == TAB else line.carry)
    line.carrying = False


def show(line: LineEditor, c: u32) -> None:
    line.echo[line.echo_length] = c
    line.echo_length += 1


def show_erase(line: LineEditor) -> None:
    show(line, BACKSPACE)
    show(line, SPACE)
    show(line, BACKSPACE)


def utf8_length(c: u32) -> u64:
    if c < 0x80:
        return u64(1)
    if c < 0x800:
        return u64(2)
    if c < 0x10000:
        return u64(3)
    return u64(4)


def append_utf8(line: LineEditor, c: u32) -> None:
    """Add the UTF-8 bytes of ``c`` (the caller checked they fit)."""
    at = line.length
    n = utf8_length(c)
    if n == 1:
        line.text[at] = u8(c)
    elif n == 2:
        line.text[at] = u8(0xC0 | (c >> 6))
        line.text[at + 1] = u8(0x80 | (c & 0x3F))
    elif n == 3:
        line.text[at] = u8(0xE0 | (c >> 12))
        line.text[at + 1] = u8(0x80 | ((c >> 6) & 0x3F))
        line.text[at + 2] = u8(0x80 | (c & 0x3F))
    else:
        line.text[at] = u8(0xF0 | (c >> 18))
        line.text[at + 1] = u8(0x80 | ((c >> 12) & 0x3F))
        line.text[at + 2] = u8(0x80 | ((c >> 6) & 0x3F))
        line.text[at + 3] = u8(0x80 | (c & 0x3F))
    line.length = at + n


def erase_character(line: LineEditor) -> bool:
    """Remove the last character (all its bytes); False on an empty line."""
    if line.length == 0:
        return False
    line.length -= 1
    while line.length > 0 and line.text[line.length] & 0xC0 == 0x80:
        line.length -= 1
    return True


def kept(c: u32) -> bool:
    """Whether ``c`` is a character the line keeps (see the module docstring)."""
    if is_key(c) or c == DELETE:
        return False
    if c < SPACE:
        return c == TAB
    return not (DELETE <= c < C1_END)


def feed(line: LineEditor, c: u32) -> None:
    """Edit the unfinished ``line`` with one input event (a character or a
    key); ``line.echo`` then holds what to show for it."""
    line.echo_length = u64(0)
    if c == CARRIAGE_RETURN or c == NEWLINE:  # noqa: SIM109 - no tuples in Pythos
        line.text[line.length] = u8(NEWLINE)  # always room: one byte is kept for it
        line.length += 1
        line.finished = True
        show(line, NEWLINE)
    elif c == BACKSPACE or c == DELETE:  # noqa: SIM109
        if erase_character(line):
            show_erase(line)
    elif c == CTRL_U:
        while erase_character(line):
            show_erase(line)
    elif c == CTRL_D:
        line.finished = True
    elif not kept(c):
        return
    elif line.length + utf8_length(c) < LINE_MAX:
        append_utf8(line, c)
        show(line, SPACE if c == TAB else c)
    else:  # full: this line goes as it is, and c starts the next
        line.finished = True
        line.carrying = True
        line.carry = c


def text_length(line: LineEditor) -> u64:
    """The finished line's length without its newline, if it has one."""
    if line.length > 0 and line.text[line.length - 1] == u8(NEWLINE):
        return line.length - 1
    return line.length


def end_of_input(line: LineEditor) -> bool:
    """Whether the finished ``line`` is Ctrl-D on an empty line."""
    return line.finished and line.length == 0


def take(line: LineEditor, destination: Ptr[u8], length: u64) -> u64:
    """Copy up to ``length`` bytes of the finished ``line`` to
    ``destination``; how many.  A line all taken is cleared for the next
    (``echo`` then shows a carried character, if there is one; otherwise it
    is empty).

    Safety: ``destination`` is writable for ``length`` bytes.
    """
    line.echo_length = u64(0)
    count = line.length - line.taken
    if count > length:
        count = length
    for i in range(count):
        destination[i] = line.text[line.taken + i]
    line.taken += count
    if line.taken == line.length:
        clear(line)
    return count
