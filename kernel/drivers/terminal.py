"""Decoding what a terminal sends: UTF-8 text and ANSI escape sequences.

A terminal on the serial port (``pythos run --serial``, a real COM port)
sends typed text as UTF-8, and the keys that have no character as
*escape sequences*, ESC (0x1B) followed by a few ASCII bytes.  Echoed back
raw, those sequences are obeyed by the terminal: Up moves its cursor up
into the banner, and whatever is typed next overwrites it.  This module
turns the byte stream into *input events* instead: a Unicode character,
or a key.  It is pure logic (bytes in, events out), tested on the host
with Hypothesis (tests/kernel/test_terminal.py).

The sequences terminals send for editing keys (xterm, the Linux console,
VT100-style terminals) come in two families::

    CSI = ESC [  parameters  final byte       ESC [ A        Up
                 (0x30-0x3F)  (0x40-0x7E)     ESC [ 3 ~      Delete
                                              ESC [ 1 ; 5 C  Ctrl+Right
    SS3 = ESC O  one final byte               ESC O H        Home

    final  A Up  B Down  C Right  D Left  H Home  F End
    ~      with the first parameter: 1 or 7 Home, 2 Insert, 3 Delete,
           4 or 8 End, 5 Page Up, 6 Page Down

The second parameter, xterm's modifier code (the ``5`` of Ctrl+Right), is
kept in ``modifier`` beside the key it came with (``kernel/shell/keys.py``
turns it into modifier bits); the events themselves are the same with or
without it.  Any other well-formed sequence (function keys, mouse reports):
it gives no event rather than garbage.  Intermediate bytes (0x20-0x2F)
are skipped too.  A sequence broken by a byte that cannot belong to it (a
control character, a byte of 0x80 or above) is abandoned, and that byte
is decoded afresh, so no input is swallowed.  ESC followed by anything
but ``[`` or ``O`` is the Escape key (or Alt with that key), then the
byte itself.  Only the first parameter is kept, as a number capped at
9999, so a sequence of any length needs no buffer.

A terminal sends a whole sequence at once, so a sequence that stops half
way is not one: it is the Escape key pressed on its own (or ``[`` typed
after it).  The decoder cannot know when input has stopped; its user calls
``flush`` once nothing has arrived for a while (``serial_input.py`` waits
250 ms, like vim's ``ttimeoutlen`` but more patient).  ``flush`` turns a lone ESC into
the Escape key, abandons a half sequence, and ends a half UTF-8 character
as U+FFFD.

Everything outside escape sequences is UTF-8, decoded by
``utf8.Utf8Decoder`` (malformed bytes become U+FFFD).  ESC in the middle
of a UTF-8 character ends that character as U+FFFD.

Events are ``u32``: a code point (0 to 0x10FFFF), or ``KEY_EVENT`` plus
the key's code from ``scancode.py`` (``KEY_UP`` and so on), so keys from
the serial port and the keyboard have the same names.
"""

from typing import Final

from kernel.drivers import scancode
from kernel.utf8 import REPLACEMENT, Utf8Decoder
from pythos.lang import Array, struct, u8, u32

ESC: Final = u8(0x1B)
# An event at or above this is a key: KEY_EVENT + scancode.KEY_*.
KEY_EVENT: Final = u32(0x01000000)
# The largest first parameter kept; more digits change nothing.
PARAMETER_LIMIT: Final = u32(9999)

# Decoder states.
GROUND: Final = u8(0)      # text
ESCAPE: Final = u8(1)      # after ESC
CSI: Final = u8(2)         # after ESC [
SS3: Final = u8(3)         # after ESC O


def key_event(key: u8) -> u32:
    """The event for a key (a ``scancode.KEY_*`` code)."""
    return KEY_EVENT + u32(key)


def is_key(event: u32) -> bool:
    """Whether an event is a key rather than a character."""
    return event >= KEY_EVENT


def event_key(event: u32) -> u8:
    """The ``scancode.KEY_*`` code of a key event."""
    return u8(event - KEY_EVENT)


def letter_key(final: u8) -> u8:
    """The key of a CSI or SS3 sequence ending in a letter, or KEY_NONE."""
    if final == 0x41:        # A
        return scancode.KEY_UP
    if final == 0x42:        # B
        return scancode.KEY_DOWN
    if final == 0x43:        # C
        return scancode.KEY_RIGHT
    if final == 0x44:        # D
        return scancode.KEY_LEFT
    if final == 0x48:        # H
        return scancode.KEY_HOME
    if final == 0x46:        # F
        return scancode.KEY_END
    return scancode.KEY_NONE


def tilde_key(parameter: u32) -> u8:
    """The key of ``ESC [ parameter ~``, or KEY_NONE."""
    if parameter == 1 or parameter == 7:  # noqa: SIM109 - no tuples in Pythos
        return scancode.KEY_HOME
    if parameter == 2:
        return scancode.KEY_INSERT
    if parameter == 3:
        return scancode.KEY_DELETE
    if parameter == 4 or parameter == 8:  # noqa: SIM109
        return scancode.KEY_END
    if parameter == 5:
        return scancode.KEY_PAGE_UP
    if parameter == 6:
        return scancode.KEY_PAGE_DOWN
    return scancode.KEY_NONE


@struct
class TerminalDecoder:
    """Terminal bytes in, input events out.  ``TerminalDecoder()`` is between keys."""

    state: u8
    utf8: Utf8Decoder
    # The first CSI parameter so far, and whether its digits are still coming.
    parameter: u32
    in_first_parameter: bool
    # The second CSI parameter (xterm's modifier code: 1 + Shift 1, Alt 2,
    # Ctrl 4) of the sequence the last ``feed`` ended; 0 without one.
    modifier: u32
    # Which parameter the digits belong to: 0 first, 1 second, 2 later.
    parameter_index: u8
    # What the last ``feed`` produced: ``count`` events.
    out: Array[u32, 2]
    count: u8

    def emit(self, event: u32) -> None:
        if 0x80 <= event <= 0x9F:
            # A C1 control character (U+009B is the 8-bit CSI): a terminal
            # would obey it, so it is shown as U+FFFD instead.
            event = REPLACEMENT
        self.out[self.count] = event
        self.count += 1

    def emit_key(self, key: u8) -> None:
        if key != scancode.KEY_NONE:
            self.emit(key_event(key))

    def feed(self, byte: u8) -> u8:
        """Take one byte; the number of events it completed (0-2), in ``out``."""
        self.count = u8(0)
        if self.state != CSI:
            self.modifier = u32(0)
        if self.state == ESCAPE:
            if byte == 0x5B:         # [
                self.state = CSI
                self.parameter = u32(0)
                self.in_first_parameter = True
                self.modifier = u32(0)
                self.parameter_index = u8(0)
                return self.count
            if byte == 0x4F:         # O
                self.state = SS3
                return self.count
            self.state = GROUND
            self.emit_key(scancode.KEY_ESCAPE)
        elif self.state == CSI:
            if 0x30 <= byte <= 0x3F:             # parameter bytes
                if 0x30 <= byte <= 0x39 and self.in_first_parameter:
                    self.parameter = self.parameter * 10 + u32(byte - 0x30)
                    if self.parameter > PARAMETER_LIMIT:
                        self.parameter = PARAMETER_LIMIT
                elif 0x30 <= byte <= 0x39 and self.parameter_index == 1:
                    self.modifier = self.modifier * 10 + u32(byte - 0x30)
                    if self.modifier > PARAMETER_LIMIT:
                        self.modifier = PARAMETER_LIMIT
                elif not 0x30 <= byte <= 0x39:
                    self.in_first_parameter = False
                    if byte == 0x3B and self.parameter_index < 2:  # ;
                        self.parameter_index += 1
                    else:
                        self.parameter_index = u8(2)
                return self.count
            if 0x20 <= byte <= 0x2F:             # intermediate bytes
                self.in_first_parameter = False
                self.parameter_index = u8(2)
                return self.count
            self.state = GROUND
            if 0x40 <= byte <= 0x7E:             # the final byte
                if byte == 0x7E:                 # ~
                    self.emit_key(tilde_key(self.parameter))
                else:
                    self.emit_key(letter_key(byte))
                return self.count
            # Not part of a sequence: abandon it and decode the byte below.
        elif self.state == SS3:
            self.state = GROUND
            if 0x40 <= byte <= 0x7E:
                self.emit_key(letter_key(byte))
                return self.count
        if byte == ESC:
            if self.utf8.flush() != 0:
                self.emit(self.utf8.out[0])
            self.state = ESCAPE
            return self.count
        produced = self.utf8.feed(byte)
        for i in range(produced):
            self.emit(self.utf8.out[i])
        return self.count

    def pending(self) -> bool:
        """Whether a sequence or a character has begun and not ended."""
        return self.state != GROUND or self.utf8.pending()

    def flush(self) -> u8:
        """Input has paused: end what has begun; the number of events, in ``out``."""
        self.count = u8(0)
        self.modifier = u32(0)
        if self.state == ESCAPE:
            self.emit_key(scancode.KEY_ESCAPE)
        self.state = GROUND
        if self.utf8.flush() != 0:
            self.emit(self.utf8.out[0])
        return self.count
