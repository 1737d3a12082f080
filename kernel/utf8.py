"""Decoding UTF-8 one byte at a time, with replacement of malformed input.

Text reaches the kernel a byte at a time (from the serial port, in pieces
from ``print``), so the decoder is a state machine: ``feed`` takes one byte
and gives zero, one or two code points.  A UTF-8 character is one to four
bytes::

    U+0000..U+007F     0xxxxxxx
    U+0080..U+07FF     110xxxxx 10xxxxxx
    U+0800..U+FFFF     1110xxxx 10xxxxxx 10xxxxxx
    U+10000..U+10FFFF  11110xxx 10xxxxxx 10xxxxxx 10xxxxxx

Not every such pattern is allowed: an *overlong* form (é as E0 83 A9
instead of C3 A9, or a lead byte C0 or C1) would give a second spelling
of the same character, the surrogates U+D800..U+DFFF are not characters,
and nothing lies beyond U+10FFFF.  All three are caught by narrowing the
range of the byte after the lead byte (Unicode's table 3-7): after E0 it
must be A0..BF, after ED 80..9F, after F0 90..BF, after F4 80..8F, and
80..BF otherwise; lead bytes C0, C1 and F5..FF are never valid.

Malformed input becomes U+FFFD, the replacement character, one for each
*maximal subpart*: the longest start of a valid sequence, or a single bad
byte.  A byte that breaks a sequence is not swallowed but starts anew, so
``"a" C3 "b"`` gives a, U+FFFD, b.  This is the practice Unicode
recommends and the one CPython's ``bytes.decode("utf-8", "replace")``
follows, which is what the host tests compare against
(tests/kernel/test_utf8.py).  A sequence still incomplete when the input
ends is given up with ``flush``.
"""

from typing import Final

from pythos.lang import Array, struct, u8, u32

REPLACEMENT: Final = u32(0xFFFD)


@struct
class Utf8Decoder:
    """UTF-8 bytes in, code points out.  ``Utf8Decoder()`` expects a new character."""

    # Continuation bytes still expected (0: between characters).
    need: u8
    # The bits of the character collected so far.
    code: u32
    # The range the next continuation byte must lie in.
    lower: u8
    upper: u8
    # What the last ``feed`` or ``flush`` produced: ``count`` code points.
    out: Array[u32, 2]
    count: u8

    def emit(self, code_point: u32) -> None:
        self.out[self.count] = code_point
        self.count += 1

    def feed(self, byte: u8) -> u8:
        """Take one byte; the number of code points it completed (0-2), in ``out``."""
        self.count = u8(0)
        if self.need != 0:
            if self.lower <= byte <= self.upper:
                self.code = (self.code << 6) | u32(byte & 0x3F)
                self.need -= 1
                self.lower = u8(0x80)
                self.upper = u8(0xBF)
                if self.need == 0:
                    self.emit(self.code)
                return self.count
            # The sequence is broken: replace what came so far, and let
            # this byte start afresh.
            self.need = u8(0)
            self.emit(REPLACEMENT)
        self.start(byte)
        return self.count

    def start(self, byte: u8) -> None:
        """Begin a character with ``byte`` (see the table in the docstring)."""
        self.lower = u8(0x80)
        self.upper = u8(0xBF)
        if byte < 0x80:
            self.emit(u32(byte))
        elif 0xC2 <= byte <= 0xDF:
            self.need = u8(1)
            self.code = u32(byte & 0x1F)
        elif 0xE0 <= byte <= 0xEF:
            self.need = u8(2)
            self.code = u32(byte & 0x0F)
            if byte == 0xE0:
                self.lower = u8(0xA0)    # overlong below U+0800
            elif byte == 0xED:
                self.upper = u8(0x9F)    # surrogates
        elif 0xF0 <= byte <= 0xF4:
            self.need = u8(3)
            self.code = u32(byte & 0x07)
            if byte == 0xF0:
                self.lower = u8(0x90)    # overlong below U+10000
            elif byte == 0xF4:
                self.upper = u8(0x8F)    # beyond U+10FFFF
        else:
            self.emit(REPLACEMENT)       # a stray continuation byte, C0, C1, F5-FF

    def pending(self) -> bool:
        """Whether a character has begun and not ended."""
        return self.need != 0

    def flush(self) -> u8:
        """End of input: a started character becomes U+FFFD (count in ``out``)."""
        self.count = u8(0)
        if self.need != 0:
            self.need = u8(0)
            self.emit(REPLACEMENT)
        return self.count
