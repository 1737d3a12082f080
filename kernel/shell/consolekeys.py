"""The key events of both consoles, one at a time: what the shell reads.

The PS/2 keyboard's events come decoded from its driver
(``keyboard.next_event``) and become the shell's ``u32`` events through
``keys.from_keyboard``.  COM1's bytes are taken one by one
(``serial_input.read_byte``, not its ``read_event``) and decoded here by
``keys.SerialKeys``, so keys from a terminal keep their modifiers and
Ctrl+Left works from both consoles.  ``next_event`` asks the keyboard
first, then the serial port, and answers ``keys.NO_EVENT`` when neither
has anything.

Both the prompt loop (``prompt.py``) and a command that reads keys while
it runs (``snake``, ``flappy``) take their keys from here, so a sequence
cut in half by a game's start or end is finished by whoever reads next,
never decoded twice.  Only the thread of control running the shell
calls these functions.
"""

import kernel.drivers.keyboard as keyboard
import kernel.drivers.serial as serial
import kernel.drivers.serial_input as serial_input
from kernel.shell import keys
from kernel.shell.keys import SerialKeys
from pythos.lang import u8, u32, u64

# COM1's bytes decoded into key events (modifiers included), and the
# next of the decoder's events not yet handed out.
serial_keys = SerialKeys()
serial_next: u8 = u8(0)


def next_serial_event() -> u32:
    """The next event decoded from COM1's bytes, or NO_EVENT.  A sequence
    or character left half-way for ``SEQUENCE_TIMEOUT_MS`` is ended (a
    lone ESC becomes the Escape key), as ``serial_input.read_event`` ends
    its own (both time out through ``serial_input.next_byte``)."""
    global serial_next
    while serial_next >= serial_keys.count:
        byte = serial_input.next_byte(not serial_keys.ready())
        if byte == serial_input.NO_BYTE:
            return keys.NO_EVENT
        if byte == serial_input.SILENCE:
            serial_keys.flush()
        else:
            serial_keys.feed(u8(byte))
        serial_next = u8(0)
    event = serial_keys.out[serial_next]
    serial_next += 1
    return event


def next_event() -> u32:
    """The next key event from the keyboard or the serial port, or NO_EVENT."""
    event = keys.from_keyboard(keyboard.next_event())
    if event != keys.NO_EVENT:
        return event
    return next_serial_event()


def drop_total() -> u64:
    """All the drop counters together: it moves when anything is lost."""
    return (serial_input.dropped_bytes() + serial.receive_overruns()
            + keyboard.dropped_scancodes() + serial.dropped_output())
