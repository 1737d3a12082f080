"""The console's echo loop (``echo=1``): echo what is typed, byte by byte.

Characters come from two places: the PS/2 keyboard (``keyboard.read_char``,
fed by IRQ 1) and COM1 (``serial_input.read_event``, fed by IRQ 4), so the
machine can be driven headless through QEMU's serial port as well as from
its window.
Each character is printed, which puts it on the screen and on serial.
Every line starts with the uptime, ``[   12.345] ``, so a glance shows the
clock is running.

Lines are edited as ``read(0)`` edits them for a process, by the same
line editor (``proc/line_editor.py``): Backspace (DEL from a terminal, BS
from the keyboard) erases the last character, as ``\\b \\b`` so a
terminal erases it too, and never eats into the prompt; Ctrl-U erases the
whole line; Enter (CR from a terminal, LF from the keyboard) ends it and
prints a new prompt.  Serial input is decoded first
(``drivers/terminal.py``): UTF-8 becomes characters, and the escape
sequences of the arrows, Home, End, Delete and the like become keys,
which are ignored rather than echoed; echoed raw, ``ESC [ A`` would move
the terminal's cursor up over the banner.  Characters are echoed as
UTF-8, which a terminal shows as itself and the screen as its code page
437 glyph (é, £, box drawing) or a placeholder.  Other control characters
are not echoed at all, and neither are the C1 controls U+0080-U+009F,
which some terminals obey too; a Tab shows as one space, so that erasing
it erases one cell.

A finished line is only echoed: the commands (``ls``, ``cat``, ``run``
and the rest) are the shell's (kernel/shell/), which is what the kernel
boots to without ``echo=1``.

Between inputs the loop is the kernel task's idle step
(``process.kernel_idle``): it reaps ended processes, lets READY ones run,
or halts the CPU until the next interrupt.  A key that arrives just before
the halt is seen at the next timer tick, a millisecond later.  While a
user process reads the console (``read(0, ...)``), input is that
process's and the loop leaves it alone.

When there is nothing to echo, the loop reports lost input (and output)
on a line of its own: see ``dropreport.py``.  A report ends the line
being typed: what was typed stays on the screen above it, but is not run
as a command, since its bytes may be the ones lost, and the new prompt
starts an empty line (so Backspace cannot reach back over the report).  The timer wakes the loop
every millisecond, so a report is never late.
"""

from typing import Final

import kernel.clock as clock
import kernel.drivers.keyboard as keyboard
import kernel.drivers.serial_input as serial_input
import kernel.dropreport as dropreport
import kernel.proc.line_editor as line_editor
import kernel.proc.process as process
import kernel.proc.tty as tty
from kernel.proc.line_editor import LineEditor
from pythos.lang import u32

CTRL_D: Final = u32(0x04)
# What ``next_input`` returns when nothing is waiting.
NO_INPUT: Final = u32(0xFFFFFFFF)

# The line typed since the last prompt.  Only the loop touches it.
line = LineEditor()


def print_prompt() -> None:
    """Start a line with the uptime in seconds."""
    ms = clock.uptime_ms()
    print(f"[{ms // 1000:>5}.{ms % 1000:03}] ", end="")


def echo(event: u32) -> None:
    """Edit the line with one input event and show it; at the end of the
    line, start a new line after a new prompt."""
    if event == CTRL_D:
        return  # the console has no end of input
    line_editor.feed(line, event)
    tty.show(line)
    if line.finished:
        length = line_editor.text_length(line)
        if length == line.length:
            print()  # a line too long for the editor: the rest goes on the next
        line_editor.clear(line)
        print_prompt()
        tty.show(line)  # the character that did not fit, if one did not


def report_drops() -> None:
    """Say on the console if input (or output) was lost, on lines of their own."""
    if dropreport.report(clock.uptime_ms()):
        print()
        line_editor.clear(line)  # a line cut by the report is not run
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
