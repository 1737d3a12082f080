"""In-kernel tests of the tickless idle (kernel/tickless.py) on the real
PIT: a task on the kernel's own executor (``share.start``, the one that
stops the tick) sleeps 200 ms, and must wake on time although the tick
was stopped, having taken a few one-shot interrupts instead of 200
ticks; afterwards the tick runs at 1 kHz again.
"""

from typing import Final

import kernel.clock as clock
import kernel.tickless as tickless
from kernel.task import executor, share
from kernel.task.futures import sleep_ms
from pythos.lang import u64

NAP_MS: Final = u64(200)
# Late by more than this, the one-shot was set wrong (a tick would be 1 ms
# late, a stop capped at 54.9 ms up to that much).
LATE_MS: Final = u64(5)
# A host busy with other work can hold QEMU's timer back by more than
# that for one nap (the suite runs beside other tests; a fresh-clone run
# once saw a 200 ms nap end 12 ms late, and the next run on time).  A
# one-shot set wrong is late every time, a busy host only now and then,
# so each timing test takes the best of a few tries.
TRIES: Final = 3

class Nap:
    """When a sleep began and ended, and the ticks meanwhile."""

    def __init__(self) -> None:
        self.start = u64(0)
        self.end = u64(0)
        self.ticks = u64(0)


async def nap(record: Nap, ms: u64) -> None:
    record.start = clock.uptime_ms()
    ticks = clock.ticks()
    await sleep_ms(ms)
    record.end = clock.uptime_ms()
    record.ticks = clock.ticks() - ticks


def test_a_sleep_ends_on_time_with_the_tick_stopped() -> None:
    assert tickless.enabled, "the test kernel measured its TSC: tickless idle is on"
    best = u64(0xFFFFFFFFFFFFFFFF)
    for _ in range(TRIES):
        record = Nap()
        stops = tickless.stops
        ends = tickless.timer_ends
        runner = share.start(clock.uptime_ms)
        task = runner.spawn(nap(record, NAP_MS), "nap")
        runner.run(until=task)
        executor.the_executor.clear()
        assert not tickless.stopped
        slept = record.end - record.start
        # Never early, on any try: that no host load can cause.
        assert slept >= NAP_MS, f"slept {slept} ms"
        # 200 ms is four one-shots at least (54.9 ms each at most), and
        # each ended by IRQ 0: a few interrupts where the tick would have
        # been 200.
        assert tickless.stops - stops >= 4
        assert tickless.timer_ends - ends >= 4
        assert record.ticks < 40, f"{record.ticks} timer interrupts"
        if slept < best:
            best = slept
        if best <= NAP_MS + LATE_MS:
            break
    assert best <= NAP_MS + LATE_MS, f"slept {best} ms at best of {TRIES} tries"


def test_the_tick_runs_again_after_a_tickless_idle() -> None:
    most = u64(0)
    for _ in range(TRIES):
        record = Nap()
        runner = share.start(clock.uptime_ms)
        task = runner.spawn(nap(record, u64(20)), "nap")
        runner.run(until=task)
        executor.the_executor.clear()
        ticks = clock.ticks()
        clock.sleep_ms(u64(20))              # the clock's own sleep keeps the tick
        counted = clock.ticks() - ticks
        if counted > most:
            most = counted
        if most >= 10:
            break
    assert most >= 10, f"ticking at 1 kHz again: {most} ticks in 20 ms at best of {TRIES} tries"
