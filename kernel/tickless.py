"""Tickless idle: no timer tick while the kernel has nothing to do.

The PIT ticks at 1 kHz (kernel/clock.py).  The ticks drive the
scheduler's time slices and wake its sleepers, but they cost something
even when nothing runs: under QEMU every period of the PIT is a host
timer event, whether or not the guest takes the interrupt, so a kernel
halted at the prompt kept QEMU at 4-5% of a host CPU.  So when the
kernel's executor idles and no process is runnable
(``scheduler.idle_locked``), the tick stops:

    idle, interrupts off                        any interrupt, interrupts off
    --------------------                        -----------------------------
    deadline = the earliest of the executor's   restart(): the PIT back to
      next timer and the sleeping processes'      1 kHz, IRQ 0 unmasked
    stop_until(deadline): PIT channel 0 in      then the usual work: the tick's
      one-shot mode for that moment (at most      scheduling, or the executor
      54.9 ms ahead, re-armed as needed), or      polling its woken tasks
      IRQ 0 masked when there is no deadline
    sti; hlt

**Time is not lost.**  Uptime is read from the time-stamp counter, not
counted in ticks, so it runs on while the tick is stopped, and deadlines
are in uptime milliseconds.  The one-shot is set from the TSC too: the
deadline's TSC value (``clock.tsc_at_init`` plus the deadline's cycles)
less the TSC now, converted to PIT clocks and rounded up, so it ends
when the deadline is due and not before (``one_shot_count``).  Where the
clock has no measured TSC and counts ticks instead (``clock.tsc_hz`` is
0), stopping the tick would stop time, so the tick never stops there
(``enabled`` stays False and the boot log says so).  The TSC need not be
marked invariant: uptime already depends on it running at one rate, and
``hlt``, the only sleep the kernel uses, keeps it running.

**Nothing is missed.**  The check for work, the stop and the halt are
done with interrupts off, and ``sti; hlt`` takes an interrupt that came
meanwhile only once the CPU is halted (kernel/task/idle.py draws the
race).  The one-shot is armed before the halt, so a deadline that comes
between the check and the halt leaves IRQ 0 pending, and the halt ends
at once.  A one-shot that ends a little early (the TSC and the PIT are
two clocks) finds nothing due, and the idle step arms another for the
rest.

**The tick is back before anything else runs.**  Whatever interrupt ends
the halt, the tick runs again before normal work: IRQ 0 (the one-shot)
restarts it first thing in its handler (kernel/proc/preempt.py), before
the scheduler may switch to a process that a deadline woke, so every
process runs with its time slice counted; any other interrupt (a key, a
byte on COM1) returns to the idle step, which restarts it after the
halt.  Nothing but IRQ 0 switches tasks, so no process runs in between.

**What stays ticking.**  Only the executor's idle stops the tick.  While
processes run, the kernel task blocked or not, it ticks as before.  The
echo loop's idle (echo.py, ``echo=1``) and the clock's own sleeps
(``clock.sleep_ms``) keep the tick: they look for work at each tick.
And the idle step keeps it when input is waiting that no task has taken
(``tty.input_waiting``): that is a process's ``read(0)`` to be woken, and
the tick is what wakes it.

**What a tick count means now.**  ``clock.ticks()`` counts IRQ 0s taken:
1,000 a second while the tick runs, and one per one-shot that ends a
stop.  It is no measure of time (it never quite was: TCG merges late
ticks); ``uptime`` prints it beside ``stopped_ms``, the time spent with
the tick stopped.  ``tickless=0`` on the command line keeps the tick
running always, to compare.

Shared state: ``stopped``, ``masked`` and the counters are written only
with interrupts off (the idle step and IRQ 0's handler, on one CPU), and
read anywhere as plain values (a reader may see a count one behind).
``enabled`` is written once by ``init``, before the executor runs.
"""

from typing import Final

import kernel.arch.x86_64.cpu as cpu
import kernel.arch.x86_64.pic as pic
import kernel.clock as clock
import kernel.drivers.pit as pit
from pythos.lang import u16, u64

# No deadline (the executor's and the scheduler's NEVER).
NEVER: Final = u64(0xFFFFFFFFFFFFFFFF)

# Whether the idle step may stop the tick.  Written once by ``init``.
enabled = False
# Whether the tick is stopped now: channel 0 one-shot, or IRQ 0 masked.
stopped = False
# Whether IRQ 0 is masked because the stop had no deadline.
masked = False
# Stops so far, the ones a one-shot (rather than another interrupt)
# ended, and the TSC cycles spent stopped; the TSC at the current stop.
stops = u64(0)
timer_ends = u64(0)
stopped_cycles = u64(0)
stopped_at = u64(0)


def init(allowed: bool) -> None:
    """Let the idle step stop the tick, if ``allowed`` (no ``tickless=0``)
    and the clock reads the TSC; say which at boot.

    Safety: after ``clock.init``.  (Stopping the tick needs
    ``preempt.init`` too, for IRQ 0's handler restarts it; the only caller
    of ``stop_until``, the executor's idle step, runs after it.)
    """
    global enabled
    enabled = allowed and clock.tsc_hz != 0
    if enabled:
        print("clock: tickless idle: the tick stops while the kernel has nothing to do")
    elif clock.tsc_hz == 0:
        print("clock: no tickless idle: uptime counts ticks, so the tick never stops")
    else:
        print("clock: no tickless idle (tickless=0): the tick runs always")


def one_shot_count(now: u64, due: u64, hz: u64) -> u16:
    """PIT clocks from TSC value ``now`` to ``due`` on a TSC of ``hz``,
    rounded up so the one-shot does not end early: at least 1 (``due``
    has passed: end at once), at most ``pit.MAX_ONE_SHOT`` (54.9 ms; a
    later deadline takes several).  ``hz`` is not 0."""
    if due <= now:
        return u16(1)
    cycles = due - now
    if cycles >= hz:
        return pit.MAX_ONE_SHOT          # a second or more: past any count
    # cycles < hz, so the product stays far below 2**64 for any real TSC.
    count = (cycles * pit.INPUT_FREQUENCY + hz - 1) // hz
    if count > u64(pit.MAX_ONE_SHOT):
        return pit.MAX_ONE_SHOT
    if count == 0:
        return u16(1)
    return u16(count)


def due_cycle(deadline_ms: u64) -> u64:
    """The TSC value at which ``clock.uptime_ms()`` reaches ``deadline_ms``."""
    return clock.later(clock.tsc_at_init, clock.cycles_for_ms(deadline_ms, clock.tsc_hz))


def stop_until(deadline_ms: u64) -> None:
    """Stop the tick; IRQ 0 comes once at ``deadline_ms`` (uptime), or at
    most 54.9 ms from now, or not at all for ``NEVER``.

    Safety: ``enabled``; interrupts off, and the caller halts with
    ``sti; hlt`` next and calls ``restart`` after it.
    """
    global stopped, masked, stops, stopped_at
    now = cpu.timestamp()
    if deadline_ms == NEVER:
        # Nothing to wake for: the one-shot only silences the periodic
        # tick (its edge, if the halt lasts that long, waits in the PIC
        # behind the mask and is taken as one tick after ``restart``).
        pit.start_one_shot(pit.MAX_ONE_SHOT)
        pic.mask(clock.TIMER_IRQ)
        masked = True
    else:
        pit.start_one_shot(one_shot_count(now, due_cycle(deadline_ms), clock.tsc_hz))
    stopped = True
    stopped_at = now
    stops += 1


def restart() -> None:
    """Tick at 1 kHz again, if the tick is stopped.  Safety: interrupts off."""
    global stopped, masked, stopped_cycles
    if not stopped:
        return
    pit.start_periodic(clock.TICK_HZ)
    if masked:
        pic.unmask(clock.TIMER_IRQ)
        masked = False
    stopped_cycles += cpu.timestamp() - stopped_at
    stopped = False


def restart_at_timer() -> None:
    """IRQ 0's first step: if the tick was stopped, this is the one-shot
    ending the stop: tick again.  Safety: interrupts off (the handler)."""
    global timer_ends
    if stopped:
        timer_ends += 1
        restart()


def stopped_ms() -> u64:
    """Milliseconds spent with the tick stopped since boot (the current
    stop included)."""
    cycles = stopped_cycles
    if stopped:
        cycles += cpu.timestamp() - stopped_at
    if clock.tsc_hz == 0:
        return u64(0)
    return clock.ms_from_cycles(cycles, clock.tsc_hz)
