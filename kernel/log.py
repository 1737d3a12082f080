"""Levelled diagnostic messages on the serial port.

``log.info("...")`` writes ``[info] ...`` to COM1 only: the log is for
whoever watches the serial line (a developer, the test harness), and
keeps the screen for the user.  Messages below the current level are
dropped; the level starts at ``INFO`` and the kernel command line can
change it (``loglevel=debug``).

Every message, whatever the level, is also kept in the kernel log ring
(``logring.py``), which ``log [level]`` and ``dmesg`` will list: the
level decides only what reaches the serial port as it happens.

Messages are plain strings for now.  To log values, print them: ``print()``
goes to both serial and screen.  (f-strings will be accepted here once the
compiler lets a ``str`` parameter take one, see docs/language.md.)
"""

from typing import Final

import kernel.drivers.serial as serial
import kernel.logring as logring
from kernel.bytespan import ByteSpan
from pythos.lang import i32, u8

DEBUG: Final = u8(0)
INFO: Final = u8(1)
WARN: Final = u8(2)
ERROR: Final = u8(3)

# Messages below this level are dropped.  Set at boot, then only read.
level: u8 = INFO


def set_level(new_level: u8) -> None:
    """Drop messages below ``new_level`` from now on."""
    global level
    level = new_level


def level_name(lvl: u8) -> str:
    """The name printed for a level, and accepted by ``parse_level``."""
    if lvl == DEBUG:
        return "debug"
    if lvl == INFO:
        return "info"
    if lvl == WARN:
        return "warn"
    return "error"


def parse_level(name: ByteSpan) -> i32:
    """The level called ``name`` ("debug" ... "error"), or -1 if none is."""
    for lvl in range(4):
        if name.equals(level_name(u8(lvl))):
            return i32(lvl)
    return i32(-1)


def enabled(lvl: u8) -> bool:
    """Whether a message at ``lvl`` would be written."""
    return lvl >= level


def message(lvl: u8, text: str) -> None:
    """Keep ``text`` in the log ring, and write ``[level] text`` and a
    newline to the serial port if ``lvl`` is enabled."""
    logring.record(lvl, text)
    if not enabled(lvl):
        return
    # One locked section, so a line is never split by another writer.
    with serial.lock:
        serial.put_str("[")
        serial.put_str(level_name(lvl))
        serial.put_str("] ")
        serial.put_str(text)
        serial.put_str("\n")


def debug(text: str) -> None:
    """A detail for whoever debugs the kernel."""
    message(DEBUG, text)


def info(text: str) -> None:
    """A normal event worth recording."""
    message(INFO, text)


def warn(text: str) -> None:
    """Something unexpected that the kernel works around."""
    message(WARN, text)


def error(text: str) -> None:
    """Something failed; the kernel carries on without it."""
    message(ERROR, text)

