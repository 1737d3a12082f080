"""Console input for processes: what ``read(0, ...)`` returns.

Typed characters come from the same two places as for the kernel's echo
loop: the PS/2 keyboard (``keyboard.read_char``) and COM1, decoded by
``serial_input.read_event``.  They go through the console's line editor
(kernel/proc/line_editor.py) before any process sees them: each is echoed
as it is typed, Backspace and Ctrl-U edit the line, and ``read`` returns
only a finished line (Enter, which comes as ``\\n``, or Ctrl-D, or a
line that filled the editor's 256 bytes, which comes in pieces).  So a
program gets ``cat notes\\n`` whatever typos were fixed on the way, and
does not echo anything itself.  Ctrl-D on an empty line is the end of
input: that ``read`` returns 0.

The editing happens in ``read``, in the reader's system call: a process
blocked in ``read(0)`` is woken when input arrives (at the next timer
tick, ahead of CPU-bound tasks), takes every event that is waiting, and
echoes it.  Typing while no process reads waits in the keyboard and
serial buffers, unechoed, until one does: the echo of a key shows that a
reader has it.

Who gets input: while any live process has read fd 0 (``reads_console``
in its task), the echo loop leaves input alone and it all goes to
``read``; otherwise the echo loop has it (it edits its own lines with the
same editor).  A finished line may be read in pieces; an unfinished one
stays here when its reader exits, for the next reader.
"""

from typing import Final

import kernel.drivers.keyboard as keyboard
import kernel.drivers.serial_input as serial_input
import kernel.proc.line_editor as line_editor
from kernel.proc.line_editor import LineEditor
from pythos.lang import Ptr, i64, u8, u32, u64

NO_INPUT: Final = u32(0xFFFFFFFF)
# What ``read`` returns while the line is not finished: the caller blocks.
NOT_YET: Final = i64(-1)

# The line being typed for the processes.  Touched only by ``read``, in
# system calls (interrupts off).
line = LineEditor()


def input_waiting() -> bool:
    """Whether input has come that no reader has taken yet."""
    return not keyboard.buffer.is_empty() or serial_input.has_input()


def next_event() -> u32:
    """The next character from either source, or NO_INPUT."""
    c = keyboard.read_char()
    if c >= 0:
        return u32(c)
    return serial_input.read_event()


def show(editor: LineEditor) -> None:
    """Print what the editor's last event shows."""
    for i in range(editor.echo_length):
        print(chr(editor.echo[i]), end="")


def read(destination: Ptr[u8], length: u64) -> i64:
    """Copy up to ``length`` bytes of the finished line to ``destination``:
    how many, 0 at the end of input (Ctrl-D on an empty line), or NOT_YET
    when the line is not finished (the caller blocks and tries again).
    Events that are waiting are edited into the line and echoed first.

    Safety: ``destination`` is writable for ``length`` bytes; ``length`` > 0.
    """
    while not line.finished:
        c = next_event()
        if c == NO_INPUT:
            return NOT_YET
        line_editor.feed(line, c)
        show(line)
    if line_editor.end_of_input(line):
        line_editor.clear(line)
        return i64(0)
    count = line_editor.take(line, destination, length)
    show(line)  # a character carried over to the next line
    return i64(count)
