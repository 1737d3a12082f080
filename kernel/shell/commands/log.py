"""``log [LEVEL]`` and ``dmesg``: the kernel's messages kept in memory (kernel/logring.py).

Every ``log.info`` (and debug, warn, error) message is kept in the log
ring whatever the level that reaches the serial port, and so is every
line the console printed.  ``dmesg`` lists all of it, oldest first, as
Linux's does; ``log`` lists only the log messages, at ``LEVEL`` or above
(``debug`` when none is given, so all of them).
"""

import kernel.log as log
import kernel.logring as logring
from kernel.shell.output import Output
from kernel.shell.registry import OK, USAGE, command
from kernel.shell.wrap import wrapped_line
from pythos.lang import i64, u8

# Continuation rows of a long message start under its text.
INDENT = len("[    0.000] ")


def level_names() -> list[str]:
    return [log.level_name(u8(level)) for level in range(4)]


def level_of(name: str) -> int:
    """The level called ``name``, or -1."""
    names = level_names()
    for level in range(len(names)):
        if names[level] == name:
            return level
    return -1


@command("log", args="[LEVEL]", help="list the log messages at LEVEL or above",
         choices=level_names)
def log_command(out: Output, words: list[str]) -> int:
    level = 0
    if len(words) == 1:
        level = level_of(words[0])
        if level < 0:
            out.line(f"log: no level {words[0]}; levels: {' '.join(level_names())}")
            return USAGE
    gone = int(i64(logring.dropped()))
    if gone > 0:
        out.line(f"({gone} older messages dropped)")
    shown = 0
    for record in logring.records(u8(level)):
        if not record.from_console:
            wrapped_line(out, logring.format_record(record), INDENT)
            shown += 1
    if shown == 0:
        out.line(f"log: no messages at {level_names()[level]} or above")
    return OK


@command("dmesg", help="list the kernel's messages and console lines")
def dmesg(out: Output, words: list[str]) -> int:
    for line in logring.listing(log.DEBUG):
        wrapped_line(out, line, INDENT)
    return OK
