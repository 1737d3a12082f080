"""The default kernel's input loop, until there is a shell: echo what is typed.

Characters come from two places: the PS/2 keyboard (``keyboard.read_char``,
fed by IRQ 1) and COM1 (``serial_input.read_byte``, fed by IRQ 4), so the
machine can be driven headless through QEMU's serial port as well as from
its window.
Each character is printed, which puts it on the screen and on serial.
Every line starts with the uptime, ``[   12.345] ``, so a glance shows the
clock is running.

Serial bytes are translated the way a terminal sends them: Enter arrives as
CR (0x0D) and becomes a newline; Backspace arrives as DEL (0x7F) and
becomes 0x08.

Between inputs the CPU sleeps: interrupts are disabled while both input
buffers are checked, and ``sti; hlt`` then waits atomically, so a key or
byte that arrives after the check still wakes the loop at once.

When there is nothing to echo, the loop reports lost input (and output)
on a line of its own: see ``dropreport.py``.  The timer wakes the loop
every millisecond, so a report is never late.
"""

from typing import Final

import kernel.arch.x86_64.irqflags as irqflags
import kernel.clock as clock
import kernel.dropreport as dropreport
import kernel.drivers.keyboard as keyboard
import kernel.drivers.serial_input as serial_input
from pythos.lang import i32

CARRIAGE_RETURN: Final = i32(0x0D)
NEWLINE: Final = i32(0x0A)
DELETE: Final = i32(0x7F)
BACKSPACE: Final = i32(0x08)


def from_serial(byte: i32) -> i32:
    """A byte from a terminal on COM1, as the keyboard would have typed it."""
    if byte == CARRIAGE_RETURN:
        return NEWLINE
    if byte == DELETE:
        return BACKSPACE
    return byte


def print_prompt() -> None:
    """Start a line with the uptime in seconds."""
    ms = clock.uptime_ms()
    print(f"[{ms // 1000:>5}.{ms % 1000:03}] ", end="")


def echo(c: i32) -> None:
    """Show one typed character; a newline starts a new prompt."""
    print(chr(c), end="")
    if c == NEWLINE:
        print_prompt()


def report_drops() -> None:
    """Say on the console if input (or output) was lost, on lines of their own."""
    if dropreport.report(clock.uptime_ms()):
        print()
        print_prompt()
        dropreport.end_report()


def next_char() -> i32:
    """The next typed character from either source, or -1."""
    c = keyboard.read_char()
    if c >= 0:
        return c
    received = serial_input.read_byte()
    if received >= 0:
        return from_serial(received)
    return i32(-1)


def run() -> None:
    """Echo typed characters forever; never returns.  Interrupts must be on."""
    print_prompt()
    while True:
        c = next_char()
        if c >= 0:
            echo(c)
            continue
        report_drops()
        irqflags.disable()
        if keyboard.buffer.is_empty() and not serial_input.has_input():
            irqflags.enable_and_halt()
        irqflags.enable()
