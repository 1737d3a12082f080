"""``uptime``: how long the kernel has run, from the TSC clock (kernel/clock.py).

``up 00:01:02.345 (62345 ms, 1234 timer ticks, 61000 ms tickless)``: the
ticks are the timer interrupts taken, 1,000 a second while the tick runs;
the last figure is the time spent idle with the tick stopped
(kernel/tickless.py), during which only the one-shots that ended a stop
were counted.
"""

import kernel.clock as clock
import kernel.tickless as tickless
from kernel.shell.output import Output
from kernel.shell.registry import FAILED, OK, command
from pythos.lang import i64


def duration_text(ms: int) -> str:
    """``ms`` milliseconds as ``3 days, 04:05:06.789`` (no days part
    under one day: ``00:01:02.345``)."""
    seconds = ms // 1000
    days = seconds // 86400
    clock_part = (f"{seconds // 3600 % 24:02d}:{seconds // 60 % 60:02d}:"
                  f"{seconds % 60:02d}.{ms % 1000:03d}")
    if days == 0:
        return clock_part
    return f"{days} day{'' if days == 1 else 's'}, {clock_part}"


@command("uptime", help="how long the kernel has been running")
def uptime(out: Output, words: list[str]) -> int:
    if not clock.is_running():
        out.line("uptime: the clock is not running")
        return FAILED
    ms = int(i64(clock.uptime_ms()))
    ticks = int(i64(clock.ticks()))
    stopped = int(i64(tickless.stopped_ms()))
    out.line(f"up {duration_text(ms)} ({ms} ms, {ticks} timer ticks, {stopped} ms tickless)")
    return OK
