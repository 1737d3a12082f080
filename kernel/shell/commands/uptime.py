"""``uptime``: how long the kernel has run, from the PIT clock (kernel/clock.py)."""

import kernel.clock as clock
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
    out.line(f"up {duration_text(ms)} ({ms} ms, {int(i64(clock.ticks()))} timer ticks)")
    return OK
