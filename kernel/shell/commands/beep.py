"""``beep [HZ] [MS]``: a tone on the PC speaker, through PIT channel 2 (kernel/drivers/speaker.py).

The shell waits while the tone plays (``speaker.beep`` sleeps on the
clock), so a beep is limited to ``LONGEST_MS``.
"""

from typing import Final

import kernel.drivers.speaker as speaker
from kernel.shell.output import Output
from kernel.shell.registry import OK, USAGE, command, is_number
from pythos.lang import u32

LONGEST_MS: Final = 10000


def number(word: str, lowest: int, highest: int) -> int:
    """The decimal ``word`` if it is from ``lowest`` to ``highest``, else -1."""
    if not is_number(word):
        return -1
    value = int(word)
    if value < lowest or value > highest:
        return -1
    return value


@command("beep", args="[HZ] [MS]", help="sound the PC speaker (20-20000 Hz, up to 10000 ms)")
def beep(out: Output, words: list[str]) -> int:
    hz = int(speaker.DEFAULT_HZ)
    ms = int(speaker.DEFAULT_MS)
    if len(words) >= 1:
        hz = number(words[0], int(speaker.LOWEST_HZ), int(speaker.HIGHEST_HZ))
        if hz < 0:
            out.line(f"beep: HZ must be a number from {int(speaker.LOWEST_HZ)} to "
                     f"{int(speaker.HIGHEST_HZ)}")
            return USAGE
    if len(words) == 2:
        ms = number(words[1], 1, LONGEST_MS)
        if ms < 0:
            out.line(f"beep: MS must be a number from 1 to {LONGEST_MS}")
            return USAGE
    speaker.beep(u32(hz), u32(ms))
    out.line(f"beep: {hz} Hz for {ms} ms")
    return OK
