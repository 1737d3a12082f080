"""Key events for the shell: one type for the VGA keyboard and the serial port.

An *event* is a ``u32``, the same numbering the console's input already
uses (``kernel/drivers/terminal.py``), widened by modifier bits::

     31       24 23         11  10    9    8  7             0
    +-----------+-------------+-----+-----+----+------------+
    |     0     |      code point (0 - 0x10FFFF)            |   a character
    +-----------+-------------+-----+-----+----+------------+
    | 0000 0001 |      0      |SHIFT| ALT |CTRL|  key code  |   a key
    +-----------+-------------+-----+-----+----+------------+

A *character* is anything that has one, control characters included:
Ctrl-A arrives as U+0001, Backspace as U+0008 or U+007F, Enter as U+000D
or U+000A, Tab as U+0009.  That is how a terminal sends them, and the
PS/2 decoder (``scancode.character``) makes the same ones, so the editor
looks at one number for both consoles.  A *key* is one that has no
character (the arrows, Home, End, Delete, Escape, F1...): its code is the
``scancode.KEY_*`` code, and the modifiers held with it are kept, so
Ctrl+Left can move a word.  ``NO_EVENT`` says there was nothing (a key
released, a byte in the middle of a sequence).  Escape is a key on both
sides, never the character ESC, since ESC on the wire starts a sequence.

Decoding the serial side is ``terminal.TerminalDecoder``'s work (UTF-8,
CSI and SS3 sequences, a sequence cut between two reads, garbage); this
module adds the modifier of ``ESC [ 1 ; 5 C`` to the key it ends, and
turns the PS/2 decoder's ``KeyEvent`` into the same numbers.  The
decoder never blocks: a lone ESC stays pending until ``flush`` (the
caller's "nothing arrived for a while" timeout) turns it into the Escape
key, and then the decoder is back in its ground state.
"""

from typing import Final

from kernel.drivers import scancode
from kernel.drivers.scancode import KeyEvent
from kernel.drivers.terminal import KEY_EVENT, TerminalDecoder
from pythos.lang import Array, struct, u8, u32

# Modifier bits of a key event.
CTRL: Final = u32(0x100)
ALT: Final = u32(0x200)
SHIFT: Final = u32(0x400)
MODIFIERS: Final = u32(0x700)
NO_MODIFIERS: Final = u32(0)
# Not an event: nothing happened.
NO_EVENT: Final = u32(0xFFFFFFFF)

# Characters the editor gives a meaning to.
CTRL_A: Final = u32(0x01)
CTRL_B: Final = u32(0x02)
CTRL_C: Final = u32(0x03)
CTRL_D: Final = u32(0x04)
CTRL_E: Final = u32(0x05)
CTRL_F: Final = u32(0x06)
BACKSPACE: Final = u32(0x08)
TAB: Final = u32(0x09)
LINE_FEED: Final = u32(0x0A)
CTRL_K: Final = u32(0x0B)
CTRL_L: Final = u32(0x0C)
CARRIAGE_RETURN: Final = u32(0x0D)
CTRL_N: Final = u32(0x0E)
CTRL_P: Final = u32(0x10)
CTRL_U: Final = u32(0x15)
CTRL_W: Final = u32(0x17)
ESCAPE_CHAR: Final = u32(0x1B)
SPACE: Final = u32(0x20)
DELETE_CHAR: Final = u32(0x7F)
C1_END: Final = u32(0xA0)

# The keys, by their scancode names.
UP: Final = scancode.KEY_UP
DOWN: Final = scancode.KEY_DOWN
LEFT: Final = scancode.KEY_LEFT
RIGHT: Final = scancode.KEY_RIGHT
HOME: Final = scancode.KEY_HOME
END: Final = scancode.KEY_END
DELETE: Final = scancode.KEY_DELETE
ESCAPE: Final = scancode.KEY_ESCAPE


def key(code: u8, modifiers: u32 = NO_MODIFIERS) -> u32:
    """The event for key ``code`` (a ``scancode.KEY_*``) with ``modifiers``."""
    return KEY_EVENT | (modifiers & MODIFIERS) | u32(code)


def is_key(event: u32) -> bool:
    """Whether ``event`` is a key rather than a character."""
    return event != NO_EVENT and event >= KEY_EVENT


def key_code(event: u32) -> u8:
    """The ``scancode.KEY_*`` code of a key event."""
    return u8(event & 0xFF)


def modifiers(event: u32) -> u32:
    """The modifier bits of a key event (0 for a character)."""
    if not is_key(event):
        return u32(0)
    return event & MODIFIERS


def is_printable(event: u32) -> bool:
    """Whether ``event`` is a character that takes a cell on the screen:
    not a key, not a C0 or C1 control character, not DEL."""
    if is_key(event) or event == NO_EVENT:
        return False
    return event >= SPACE and not DELETE_CHAR <= event < C1_END


def csi_modifiers(parameter: u32) -> u32:
    """The modifier bits of xterm's second CSI parameter: 1 + (1 Shift,
    2 Alt, 4 Ctrl), so ``ESC [ 1 ; 5 C`` is Ctrl+Right."""
    if parameter < 2 or parameter > 16:
        return u32(0)
    bits = parameter - 1
    result = u32(0)
    if bits & 1:
        result |= SHIFT
    if bits & 2:
        result |= ALT
    if bits & 4:
        result |= CTRL
    return result


def from_keyboard(event: KeyEvent) -> u32:
    """The event for a PS/2 ``KeyEvent``: its character if it has one,
    its key otherwise; ``NO_EVENT`` for a release or a lone modifier."""
    if not event.pressed or scancode.modifier_bit(event.key) != 0:
        return NO_EVENT
    # The Escape key has the character ESC, but a terminal's ESC starts a
    # sequence, so the serial side calls it a key; the keyboard does too.
    if event.char != 0 and event.key != scancode.KEY_ESCAPE:
        return u32(event.char)
    if event.key == scancode.KEY_NONE:
        return NO_EVENT
    held = u32(0)
    if event.ctrl():
        held |= CTRL
    if event.alt():
        held |= ALT
    if event.shift():
        held |= SHIFT
    return key(event.key, held)


@struct
class SerialKeys:
    """Bytes from a terminal in, events out.  ``SerialKeys()`` is ready."""

    terminal: TerminalDecoder
    # What the last ``feed`` or ``flush`` produced: ``count`` events.
    out: Array[u32, 2]
    count: u8

    def take(self, produced: u8) -> u8:
        for i in range(produced):
            event = self.terminal.out[i]
            if event >= KEY_EVENT:
                event |= csi_modifiers(self.terminal.modifier)
            self.out[i] = event
        self.count = produced
        return produced

    def feed(self, byte: u8) -> u8:
        """Take one byte; the number of events it completed (0-2), in ``out``."""
        return self.take(self.terminal.feed(byte))

    def flush(self) -> u8:
        """Input paused: end a half sequence or character; events in ``out``."""
        return self.take(self.terminal.flush())

    def ready(self) -> bool:
        """Whether no sequence or character is half-way (the ground state)."""
        return not self.terminal.pending()
