"""The default kernel's input loop, until there is a shell: echo what is typed.

Characters come from two places: the PS/2 keyboard (``keyboard.read_char``,
fed by IRQ 1) and COM1 (``serial_input.read_event``, fed by IRQ 4), so the
machine can be driven headless through QEMU's serial port as well as from
its window.
Each character is printed, which puts it on the screen and on serial.
Every line starts with the uptime, ``[   12.345] ``, so a glance shows the
clock is running.

Only what both consoles can show is echoed.  Serial input is decoded
first (``drivers/terminal.py``): UTF-8 becomes characters, and the escape
sequences of the arrows, Home, End, Delete and the like become keys.
There is no line editor yet, so keys are ignored rather than echoed;
echoed raw, ``ESC [ A`` would move the terminal's cursor up over the
banner.  Characters are echoed as UTF-8, which a terminal shows as
itself and the screen as its code page 437 glyph (é, £, box drawing) or a
placeholder.  Control characters other than the three below are not
echoed at all, and neither are the C1 controls U+0080-U+009F, which some
terminals obey too.

* Enter (CR from a terminal, LF from the keyboard) ends the line and
  prints a new prompt.
* Backspace (DEL from a terminal, BS from the keyboard) erases the last
  character typed on the line, as ``\\b \\b`` (back, blank, back), so a
  terminal erases it too; it stops at the start of the typed text and
  never eats into the prompt.
* Tab is echoed as itself.

Between inputs the loop is the kernel task's idle step
(``process.kernel_idle``): it reaps ended processes, lets READY ones run,
or halts the CPU until the next interrupt.  A key that arrives just before
the halt is seen at the next timer tick, a millisecond later.  While a
user process reads the console (``read(0, ...)``), input is that
process's and the loop leaves it alone.

When there is nothing to echo, the loop reports lost input (and output)
on a line of its own: see ``dropreport.py``.  The timer wakes the loop
every millisecond, so a report is never late.
"""

from typing import Final

import kernel.clock as clock
import kernel.drivers.keyboard as keyboard
import kernel.drivers.serial_input as serial_input
import kernel.dropreport as dropreport
import kernel.proc.process as process
from kernel.drivers.terminal import is_key
from pythos.lang import u32

CARRIAGE_RETURN: Final = u32(0x0D)
NEWLINE: Final = u32(0x0A)
DELETE: Final = u32(0x7F)
BACKSPACE: Final = u32(0x08)
TAB: Final = u32(0x09)
# The C1 control characters end here (exclusive).
C1_END: Final = u32(0xA0)
# What ``next_input`` returns when nothing is waiting.
NO_INPUT: Final = u32(0xFFFFFFFF)

# Characters echoed on the current line since its prompt.  Only the loop
# touches it.
line_length: u32 = u32(0)


def print_prompt() -> None:
    """Start a line with the uptime in seconds."""
    global line_length
    ms = clock.uptime_ms()
    print(f"[{ms // 1000:>5}.{ms % 1000:03}] ", end="")
    line_length = u32(0)


def echo(event: u32) -> None:
    """Show one input event: see the module docstring for what shows how."""
    global line_length
    if is_key(event):
        return
    if event == NEWLINE or event == CARRIAGE_RETURN:  # noqa: SIM109 - no tuples
        print()
        print_prompt()
    elif event == BACKSPACE or event == DELETE:  # noqa: SIM109
        if line_length > 0:
            print("\b \b", end="")
            line_length -= 1
    elif event == TAB:
        print("\t", end="")
        line_length += 1
    elif event < 0x20 or DELETE <= event < C1_END:
        return
    else:
        print(chr(event), end="")
        line_length += 1


def report_drops() -> None:
    """Say on the console if input (or output) was lost, on lines of their own."""
    if dropreport.report(clock.uptime_ms()):
        print()
        print_prompt()
        dropreport.end_report()


def next_input() -> u32:
    """The next typed character or key from either source, or NO_INPUT."""
    c = keyboard.read_char()
    if c >= 0:
        return u32(c)
    return serial_input.read_event()


def run() -> None:
    """Echo typed characters forever; never returns.  Interrupts must be on."""
    print_prompt()
    while True:
        event = NO_INPUT if process.console_claimed() else next_input()
        if event != NO_INPUT:
            echo(event)
            continue
        report_drops()
        process.kernel_idle()
