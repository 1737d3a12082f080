"""Decoding PS/2 scancode set 1 into key events and characters (US layout).

This module is pure logic: bytes in, events out, no hardware.  The
keyboard driver feeds it what its interrupt handler collected, and the
host tests feed it made-up byte streams.

Scancode set 1
--------------

PS/2 keyboards speak scancode set 2, but the controller translates it to
the original PC/XT set 1 by default (configuration bit 6, which the driver
leaves on), so set 1 is what arrives at port 0x60.  A key sends its *make*
code when pressed (and again, repeatedly, while held: typematic repeat) and
its *break* code when released; the break code is the make code with bit 7
set::

     7   6                       0
    +---+-------------------------+
    | B |   make code 0x01-0x7F   |     B = 0: pressed, B = 1: released
    +---+-------------------------+

Keys added after the XT (the grey arrows, Home/End, Insert/Delete, Page
Up/Down, right Ctrl and Alt, keypad Enter and /, the Windows keys) send the
prefix 0xE0 before the make or break code.  They reuse make codes of XT
keys (E0 48, Up, shares 0x48 with keypad 8), so the prefix must be
remembered.  Two sequences need special care:

* Print Screen sends E0 2A E0 37 (release: E0 B7 E0 AA).  The E0 2A and
  E0 AA parts are "fake shifts" from the days when the key shared a code
  with keypad *, and are dropped (also E0 36 / E0 B6), otherwise they
  would look like Shift being pressed and released.
* Pause sends E1 1D 45 E1 9D C5 at once, when pressed, and nothing when
  released.  It becomes a press and a release event.

Key codes
---------

Every physical key gets one ``u8`` key code: its make code for XT keys and
``0x80 | make code`` for E0 keys, so the E0 twin of a key is the same code
with bit 7 set (``KEY_UP`` = 0xC8, keypad 8 = 0x48).  Key codes never
collide, press and release of a key carry the same code, and a key code
fits the tables below.  Pause gets 0xC5 (E0 45 does not exist).

Modifiers and characters
------------------------

The decoder tracks which Shift, Ctrl and Alt keys are down and the Caps
Lock, Num Lock and Scroll Lock toggles (a lock toggles when its key goes
down, not on typematic repeats).  Scroll Lock changes no character; it is
kept for its LED, and has no bit in ``modifiers`` (which are all taken).
``character`` turns a key plus modifiers into ASCII using the US layout:
Shift selects the upper row of each key, Caps Lock inverts Shift for
letters only, Ctrl turns letters and ``@[\\]^_`` into control codes
(Ctrl+C = 0x03), and the keypad gives digits when Num Lock is on (and
Shift is not held).  Alt leaves the character alone; programs see it in
the event's modifiers.  Keys without a character (F1, arrows) give 0.
"""

from typing import Final

from pythos.lang import struct, u8

# Prefix bytes and the break bit.
EXTENDED_PREFIX: Final = u8(0xE0)
PAUSE_PREFIX: Final = u8(0xE1)
BREAK_BIT: Final = u8(0x80)

# Controller and keyboard replies that are not keys: buffer overrun (0x00
# and 0xFF), self-test results, echo, acknowledge and resend.
OVERRUN: Final = u8(0x00)
OVERRUN_ALT: Final = u8(0xFF)
ECHO: Final = u8(0xEE)
ACK: Final = u8(0xFA)
SELF_TEST_FAILED_1: Final = u8(0xFC)
SELF_TEST_FAILED_2: Final = u8(0xFD)
RESEND: Final = u8(0xFE)

# Key codes (see the module docstring).  XT keys: their make code.
KEY_NONE: Final = u8(0x00)
KEY_ESCAPE: Final = u8(0x01)
KEY_BACKSPACE: Final = u8(0x0E)
KEY_TAB: Final = u8(0x0F)
KEY_ENTER: Final = u8(0x1C)
KEY_LEFT_CTRL: Final = u8(0x1D)
KEY_LEFT_SHIFT: Final = u8(0x2A)
KEY_RIGHT_SHIFT: Final = u8(0x36)
KEY_KEYPAD_STAR: Final = u8(0x37)
KEY_LEFT_ALT: Final = u8(0x38)
KEY_SPACE: Final = u8(0x39)
KEY_CAPS_LOCK: Final = u8(0x3A)
KEY_F1: Final = u8(0x3B)
KEY_F10: Final = u8(0x44)
KEY_NUM_LOCK: Final = u8(0x45)
KEY_SCROLL_LOCK: Final = u8(0x46)
KEY_KEYPAD_7: Final = u8(0x47)
KEY_KEYPAD_MINUS: Final = u8(0x4A)
KEY_KEYPAD_PLUS: Final = u8(0x4E)
KEY_KEYPAD_PERIOD: Final = u8(0x53)
KEY_F11: Final = u8(0x57)
KEY_F12: Final = u8(0x58)
# E0 keys: 0x80 | their make code.
KEY_KEYPAD_ENTER: Final = u8(0x9C)
KEY_RIGHT_CTRL: Final = u8(0x9D)
KEY_KEYPAD_SLASH: Final = u8(0xB5)
KEY_PRINT_SCREEN: Final = u8(0xB7)
KEY_RIGHT_ALT: Final = u8(0xB8)
KEY_PAUSE: Final = u8(0xC5)
KEY_HOME: Final = u8(0xC7)
KEY_UP: Final = u8(0xC8)
KEY_PAGE_UP: Final = u8(0xC9)
KEY_LEFT: Final = u8(0xCB)
KEY_RIGHT: Final = u8(0xCD)
KEY_END: Final = u8(0xCF)
KEY_DOWN: Final = u8(0xD0)
KEY_PAGE_DOWN: Final = u8(0xD1)
KEY_INSERT: Final = u8(0xD2)
KEY_DELETE: Final = u8(0xD3)
KEY_LEFT_GUI: Final = u8(0xDB)
KEY_RIGHT_GUI: Final = u8(0xDC)
KEY_MENU: Final = u8(0xDD)

# Make codes that follow E0 but are not keys: Print Screen's fake shifts.
FAKE_LEFT_SHIFT: Final = u8(0x2A)
FAKE_RIGHT_SHIFT: Final = u8(0x36)

# Modifier bits in ``KeyEvent.modifiers`` and ``Decoder.modifiers``.
MOD_LEFT_SHIFT: Final = u8(0x01)
MOD_RIGHT_SHIFT: Final = u8(0x02)
MOD_LEFT_CTRL: Final = u8(0x04)
MOD_RIGHT_CTRL: Final = u8(0x08)
MOD_LEFT_ALT: Final = u8(0x10)
MOD_RIGHT_ALT: Final = u8(0x20)
MOD_CAPS_LOCK: Final = u8(0x40)
MOD_NUM_LOCK: Final = u8(0x80)
MOD_SHIFT: Final = u8(0x03)
MOD_CTRL: Final = u8(0x0C)
MOD_ALT: Final = u8(0x30)

# The US layout, indexed by make code 0x00-0x58; 0 = no character.  The
# keypad (0x47-0x53) holds its Num Lock characters.
UNSHIFTED: Final = (
    b"\x00\x1b1234567890-=\x08\t"       # 0x00-0x0F: Esc, digit row, Backspace, Tab
    b"qwertyuiop[]\n\x00as"             # 0x10-0x1F: ..., Enter, Left Ctrl
    b"dfghjkl;'`\x00\\zxcv"             # 0x20-0x2F: ..., Left Shift
    b"bnm,./\x00*\x00 \x00\x00\x00\x00\x00\x00"   # 0x30-0x3F: R Shift, KP *, Alt, Space, Caps, F1-5
    b"\x00\x00\x00\x00\x00\x00\x00789-456+1"      # 0x40-0x4F: F6-F10, Num, Scroll, keypad
    b"230.\x00\x00\\\x00\x00"           # 0x50-0x58: keypad, SysRq, -, 102nd key, F11, F12
)
SHIFTED: Final = (
    b"\x00\x1b!@#$%^&*()_+\x08\t"
    b"QWERTYUIOP{}\n\x00AS"
    b"DFGHJKL:\"~\x00|ZXCV"
    b"BNM<>?\x00*\x00 \x00\x00\x00\x00\x00\x00"
    b"\x00\x00\x00\x00\x00\x00\x00789-456+1"
    b"230.\x00\x00|\x00\x00"
)


@struct
class KeyEvent:
    """One key going down or up.  ``key == KEY_NONE`` means "no event yet"."""

    key: u8
    pressed: bool
    # The ASCII character the key types (on press and release alike), or 0.
    char: u8
    # MOD_* bits after this event was applied.
    modifiers: u8

    def is_key(self) -> bool:
        """Whether this is an event at all (not a prefix or a reply byte)."""
        return self.key != KEY_NONE

    def shift(self) -> bool:
        return (self.modifiers & MOD_SHIFT) != 0

    def ctrl(self) -> bool:
        return (self.modifiers & MOD_CTRL) != 0

    def alt(self) -> bool:
        return (self.modifiers & MOD_ALT) != 0


def modifier_bit(key: u8) -> u8:
    """The MOD_* bit a held key sets (0 for keys that are not Shift/Ctrl/Alt)."""
    if key == KEY_LEFT_SHIFT:
        return MOD_LEFT_SHIFT
    if key == KEY_RIGHT_SHIFT:
        return MOD_RIGHT_SHIFT
    if key == KEY_LEFT_CTRL:
        return MOD_LEFT_CTRL
    if key == KEY_RIGHT_CTRL:
        return MOD_RIGHT_CTRL
    if key == KEY_LEFT_ALT:
        return MOD_LEFT_ALT
    if key == KEY_RIGHT_ALT:
        return MOD_RIGHT_ALT
    return u8(0)


def is_keypad_number(key: u8) -> bool:
    """Keypad keys that type a digit or '.' with Num Lock, and move without it."""
    return KEY_KEYPAD_7 <= key <= KEY_KEYPAD_PERIOD and key != KEY_KEYPAD_MINUS \
        and key != KEY_KEYPAD_PLUS


def character(key: u8, modifiers: u8) -> u8:
    """The ASCII character ``key`` types with ``modifiers`` held, or 0."""
    if key & BREAK_BIT:
        # E0 keys: only two of them type anything.
        if key == KEY_KEYPAD_ENTER:
            return u8(0x0A)
        if key == KEY_KEYPAD_SLASH:
            return u8(0x2F)
        return u8(0)
    if int(key) >= len(UNSHIFTED):
        return u8(0)
    shift = (modifiers & MOD_SHIFT) != 0
    if is_keypad_number(key):
        num_lock = (modifiers & MOD_NUM_LOCK) != 0
        return u8(UNSHIFTED[key]) if num_lock != shift else u8(0)
    c = u8(UNSHIFTED[key])
    is_letter = 0x61 <= c <= 0x7A
    if is_letter and (modifiers & MOD_CAPS_LOCK):
        shift = not shift
    if shift:
        c = u8(SHIFTED[key])
    if modifiers & MOD_CTRL:
        # ASCII control codes are the letters and @[\]^_ with bits 5-6 clear.
        if 0x61 <= c <= 0x7A or 0x40 <= c <= 0x5F:
            return c & 0x1F
    return c


@struct
class Decoder:
    """Scancode set 1 state machine.  ``Decoder()`` starts with no keys held."""

    # The previous byte was 0xE0.
    extended: bool
    # Bytes of a Pause sequence (E1 1D 45 or E1 9D C5) still to swallow
    # after the E1: 2, then 1, then 0.
    pause_bytes: u8
    # MOD_* bits: which modifier keys are down and which locks are on.
    modifiers: u8
    # Scroll Lock is on.
    scroll_lock: bool
    # Whether the lock keys are held now, so that typematic repeats of a
    # held lock key do not toggle it again.
    caps_lock_held: bool
    num_lock_held: bool
    scroll_lock_held: bool

    def feed(self, byte: u8) -> KeyEvent:
        """Take the next byte from the keyboard; a ``KeyEvent`` if it ends one.

        Prefix bytes, fake shifts and controller replies return an event
        with ``key == KEY_NONE``.
        """
        if self.pause_bytes != 0:
            self.pause_bytes -= 1
            if self.pause_bytes != 0:
                return KeyEvent()
            # The last byte of E1 1D 45 is a press, of E1 9D C5 a release.
            return self.event(KEY_PAUSE, (byte & BREAK_BIT) == 0)
        if byte == PAUSE_PREFIX:
            self.extended = False
            self.pause_bytes = u8(2)
            return KeyEvent()
        if byte == EXTENDED_PREFIX:
            self.extended = True
            return KeyEvent()
        if is_reply(byte):
            self.extended = False
            return KeyEvent()
        pressed = (byte & BREAK_BIT) == 0
        code = byte & ~BREAK_BIT
        if self.extended:
            self.extended = False
            if code == FAKE_LEFT_SHIFT or code == FAKE_RIGHT_SHIFT:  # noqa: SIM109 - no tuples
                return KeyEvent()
            return self.event(code | BREAK_BIT, pressed)
        return self.event(code, pressed)

    def event(self, key: u8, pressed: bool) -> KeyEvent:
        """Apply a key change to the modifier state and describe it."""
        bit = modifier_bit(key)
        if bit != 0:
            if pressed:
                self.modifiers |= bit
            else:
                self.modifiers &= ~bit
        elif key == KEY_CAPS_LOCK:
            if pressed and not self.caps_lock_held:
                self.modifiers ^= MOD_CAPS_LOCK
            self.caps_lock_held = pressed
        elif key == KEY_NUM_LOCK:
            if pressed and not self.num_lock_held:
                self.modifiers ^= MOD_NUM_LOCK
            self.num_lock_held = pressed
        elif key == KEY_SCROLL_LOCK:
            if pressed and not self.scroll_lock_held:
                self.scroll_lock = not self.scroll_lock
            self.scroll_lock_held = pressed
        return KeyEvent(key, pressed, character(key, self.modifiers), self.modifiers)


def is_reply(byte: u8) -> bool:
    """Whether ``byte`` is a controller or keyboard reply rather than a key."""
    return byte == OVERRUN or byte == OVERRUN_ALT or byte == ECHO or byte == ACK \
        or byte == SELF_TEST_FAILED_1 or byte == SELF_TEST_FAILED_2 or byte == RESEND  # noqa: SIM109
