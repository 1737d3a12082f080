"""Console input for processes: what ``read(0, ...)`` returns.

Typed characters come from the same two places as for the kernel's echo
loop: the PS/2 keyboard (``keyboard.read_char``) and COM1, decoded by
``serial_input.read_event``.  Each character is handed to the program
as UTF-8; Enter (CR from a terminal) becomes ``\\n``; keys that are not
characters (arrows, Home, ...) are dropped, as the echo loop drops them.
There is no line editing and no echo: a program sees bytes as soon as they
are typed and shows them itself if it wants to (``user/cat.s`` does).

Who gets input: while any live process has read fd 0 (``reads_console``
in its task), the echo loop leaves input alone and it all goes to
``read``; otherwise the echo loop has it.  A character that does not fit
the caller's buffer (a multi-byte one when one byte is left) waits in
``pending`` for the next ``read``.
"""

from typing import Final

import kernel.drivers.keyboard as keyboard
import kernel.drivers.serial_input as serial_input
from kernel.drivers.terminal import is_key
from pythos.lang import Array, Ptr, u8, u32, u64

CARRIAGE_RETURN: Final = u32(0x0D)
NEWLINE: Final = u32(0x0A)
NO_INPUT: Final = u32(0xFFFFFFFF)

# The UTF-8 bytes of a character that did not fit the last read.  Written
# only by ``read``, in system calls (interrupts off).
pending = Array[u8, 4]()
pending_start = u64(0)
pending_end = u64(0)


def input_waiting() -> bool:
    """Whether a read would find something now."""
    return (pending_start < pending_end or not keyboard.buffer.is_empty()
            or serial_input.has_input())


def next_event() -> u32:
    """The next character from either source, or NO_INPUT."""
    c = keyboard.read_char()
    if c >= 0:
        return u32(c)
    return serial_input.read_event()


def encode(c: u32) -> None:
    """Put the UTF-8 bytes of ``c`` in ``pending``."""
    global pending_start, pending_end
    pending_start = u64(0)
    if c < 0x80:
        pending[0] = u8(c)
        pending_end = u64(1)
    elif c < 0x800:
        pending[0] = u8(0xC0 | (c >> 6))
        pending[1] = u8(0x80 | (c & 0x3F))
        pending_end = u64(2)
    elif c < 0x10000:
        pending[0] = u8(0xE0 | (c >> 12))
        pending[1] = u8(0x80 | ((c >> 6) & 0x3F))
        pending[2] = u8(0x80 | (c & 0x3F))
        pending_end = u64(3)
    else:
        pending[0] = u8(0xF0 | (c >> 18))
        pending[1] = u8(0x80 | ((c >> 12) & 0x3F))
        pending[2] = u8(0x80 | ((c >> 6) & 0x3F))
        pending[3] = u8(0x80 | (c & 0x3F))
        pending_end = u64(4)


def read(destination: Ptr[u8], length: u64) -> u64:
    """Copy up to ``length`` bytes of typed input to ``destination``; how
    many (0 when nothing is waiting: the caller blocks and tries again).

    Safety: ``destination`` is writable for ``length`` bytes.
    """
    global pending_start
    count = u64(0)
    while count < length:
        if pending_start == pending_end:
            c = next_event()
            if c == NO_INPUT:
                break
            if is_key(c):
                continue
            encode(NEWLINE if c == CARRIAGE_RETURN else c)
        destination[count] = pending[pending_start]
        pending_start += 1
        count += 1
    return count
