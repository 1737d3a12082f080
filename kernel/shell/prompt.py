"""The shell task: the prompt on both consoles, run by the executor.

``kmain`` spawns ``run`` as the executor's first task, named ``shell``.
Typed on the keyboard or the serial port, keys go to the line editor,
the editor's actions are drawn on both screens, and a finished line is
run by the command registry::

    keyboard.next_event ──keys.from_keyboard──┐   (consolekeys.next_event)
    serial_input.read_byte ──keys.SerialKeys──┴─▶ Editor.feed ─▶ actions
        ─▶ AnsiRenderer ─▶ serial.write_str       (the terminal)
        ─▶ textrender.render(vga.screen) ─▶ vga.flush_locked   (the screen)
    LINE ─▶ await registry.run_async(ConsoleOutput(), line)

With nothing to read, the task awaits ``console_input(ms)``: registered
with both devices' waiters and with a timer, it sleeps until IRQ 1 or
IRQ 4 wakes it or the time is up, and meanwhile the executor runs other
tasks, lets user processes run, or halts (kernel/task/share.py).  The
time bound is the end of a half-typed escape sequence on COM1, or else
``IDLE_LOOK_MS``, so that the drop report below still comes in a quiet
second.  While a user process reads the console (``read(0)``), the
input is the process's: the shell only looks every ``CLAIMED_POLL_MS``
whether it is done.  Commands that wait (the games, ``heapcheck`` of
one) are ``async`` and are awaited here, inside this task.  The keys of
both consoles come from ``consolekeys.py``, which the games read too
while they run.

Input lost to a flood is reported as the echo loop reports it
(``dropreport.py``: one line per burst, once it is over).  The line being
typed is then abandoned, since the lost bytes may be its own: when any
drop counter moves, the cursor goes to the end of the line (Ctrl-E), so
the report starts below the whole line, and after the report a new
prompt starts an empty line.  ``dropreport.report`` itself is asked on
every idle turn, as the echo loop asks it, so a burst is reported even
when another counter's report came first.

Commands write through ``ConsoleOutput``: ``print`` for text (both
consoles), and for a colour or a clear screen, the VGA side through
``vga`` and the serial side as ANSI sequences.  It notes whether the
output ended a line, so the next prompt starts at the left edge, where
the renderers expect it.
"""

from typing import Final

import kernel.clock as clock
import kernel.console as console
import kernel.drivers.serial as serial
import kernel.drivers.serial_input as serial_input
import kernel.drivers.vga as vga
import kernel.dropreport as dropreport
import kernel.proc.process as process
import kernel.shell.commands.all  # noqa: F401 - registers the commands
from kernel.shell import editor, keys, registry, textrender
from kernel.shell.ansi import AnsiRenderer, sgr
from kernel.shell.consolekeys import drop_total, next_event, serial_keys
from kernel.shell.editor import Action, Editor
from kernel.shell.output import Output
from kernel.shell.registry import complete
from kernel.task.futures import sleep_ms
from kernel.task.input import console_input
from pythos.lang import u8, u64

PROMPT: Final = "pythos> "
# How often the shell looks at the console while a process reads it.
CLAIMED_POLL_MS: Final = u64(10)
# The longest the shell waits for input before it looks at the drop
# counters again (a burst's report comes once the burst is over).
IDLE_LOOK_MS: Final = u64(100)


class ConsoleOutput(Output):
    """Command output to both consoles."""

    def __init__(self) -> None:
        # Whether the last text written ended a line (or nothing was written).
        self.at_line_start = True

    def write(self, text: str) -> None:
        if text == "":
            return
        print(text, end="")
        self.at_line_start = text.endswith("\n")

    def clear(self) -> None:
        vga.clear()
        serial.write_str("\x1b[H\x1b[2J")
        self.at_line_start = True

    def set_color(self, foreground: int, background: int) -> None:
        console.set_color(u8(foreground), u8(background))
        serial.write_str(sgr(foreground, background))


def draw(renderer: AnsiRenderer, actions: list[Action]) -> None:
    """Show the editor's actions on the terminal and on the screen."""
    if len(actions) == 0:
        return
    serial.write_str(renderer.render(actions))
    with vga.lock:
        textrender.render(vga.screen, actions)
        vga.flush_locked()


async def run() -> None:
    """Show the prompt and run typed commands, forever: the shell task.
    Interrupts on."""
    shell = Editor(PROMPT)
    shell.completer = complete
    renderer = AnsiRenderer(80)
    out = ConsoleOutput()
    print("Pythos is up. This is its shell: type help for the commands.")
    shell.start()
    draw(renderer, shell.take_actions())
    drops_seen = drop_total()
    while True:
        if process.console_claimed():
            await sleep_ms(CLAIMED_POLL_MS)   # a process reads the console
            continue
        event = next_event()
        if event == keys.NO_EVENT:
            if drop_total() != drops_seen:
                # A report is coming: let it start below the whole line.
                shell.feed(keys.CTRL_E)
                draw(renderer, shell.take_actions())
            if dropreport.report(clock.uptime_ms()):
                print()
                dropreport.end_report()
                drops_seen = drop_total()
                shell.start()
                draw(renderer, shell.take_actions())
                continue
            await console_input(wait_ms())
            continue
        status = shell.feed(event)
        draw(renderer, shell.take_actions())
        if status == editor.EDITING:
            continue
        if status == editor.LINE:
            await registry.run_async(out, shell.line())
            if not out.at_line_start:
                out.write("\n")
        shell.start()
        draw(renderer, shell.take_actions())


def wait_ms() -> u64:
    """How long the shell may wait for input: until a half-typed escape
    sequence on COM1 times out, or else until the drop report's next look."""
    if serial_keys.ready():
        return IDLE_LOOK_MS
    flush_at = serial_input.last_byte_at + serial_input.SEQUENCE_TIMEOUT_MS + u64(1)
    now = clock.uptime_ms()
    return flush_at - now if flush_at > now else u64(1)
