"""The monotonic clock: uptime from the time-stamp counter, ticks from the PIT.

Two counters, two jobs:

* **Time** comes from the CPU's time-stamp counter (``rdtsc``), which
  counts cycles at a constant rate and cannot miss a beat.  ``init``
  measures its frequency against the PIT at boot (``measure_tsc_hz``), and
  ``uptime_ms()`` is then cycles since ``init`` divided by that frequency.
* **Ticks** are the PIT's interrupts, ``TICK_HZ`` = 1000 a second on
  IRQ 0.  ``on_timer`` adds one to ``tick_count``.  They wake the CPU from
  ``hlt`` (so ``sleep_ms`` notices its deadline) and drive the scheduler
  (kernel/proc/preempt.py); they no longer measure time, which is what
  lets the idle kernel stop them (kernel/tickless.py).

Why not count ticks?  Each lost tick is lost time for good, and ticks do
get lost: an interrupt arrives only when the CPU takes it, and under QEMU a
busy host delivers them late or merges several into one.  A tick-counting
uptime ran 1.8% slow idle and 6.7% slow with the host busy.  The TSC is
read, not counted, so lateness delays a reading but never loses time.

Calibration polls PIT channel 2 (``pit.start_channel2``), with no
interrupt in the loop.  Each *sample* reads the TSC, the PIT count and the
TSC again; the two TSC readings bracket the moment the PIT was read.  At
each end of a 50 ms measurement ``best_sample`` keeps the narrowest of
``SAMPLES`` brackets, so a sample during which the vCPU was descheduled
(the bracket is then milliseconds wide) is simply not used.  The error is
then a few microseconds in 50 ms: under 0.01%.

QEMU: with TCG, the guest TSC is the host's and the PIT follows the host's
monotonic clock, so the measured frequency is the host's TSC rate.  Under
``-icount shift=0,sleep=off`` (``make bench``) both follow the instruction
count: the TSC then reads 1000 MHz and timing stays consistent, and the
instruction counts that bench measures with ``rdtsc`` are untouched.

If channel 2 does not count (no PIT, or a broken emulation), ``tsc_hz``
stays 0 and the clock falls back to counting ticks, with a warning.

``tick_count`` is a ``u64`` written only by ``on_timer`` (an atomic add,
so readers see whole values and the compiler cannot cache it) and read
with atomic loads anywhere.  At 1 kHz it wraps after 584 million years.
``tsc_hz``, ``tsc_at_init`` and ``divisor`` are written once by ``init``,
before interrupts are enabled, and only read afterwards.

Sleeping without losing a wake-up: ``wait_until_cycle`` checks the TSC
with interrupts disabled and then executes ``sti; hlt``.  ``sti`` only
takes effect after the next instruction, so a timer interrupt that became
pending after the check is delivered once the CPU halts, and wakes it;
checking with interrupts enabled could miss it and sleep until the next
one.  A sleep ends at the first tick after its deadline.
"""

from typing import Final

import kernel.arch.x86_64.cpu as cpu
import kernel.arch.x86_64.idt as idt
import kernel.arch.x86_64.irqflags as irqflags
import kernel.arch.x86_64.pic as pic
import kernel.arch.x86_64.tsc as tsc
import kernel.drivers.pit as pit
import kernel.log as log
from pythos.lang import (
    Array,
    InterruptFrame,
    Ptr,
    addr_of,
    atomic_add,
    atomic_load,
    func_addr,
    interrupt,
    panic,
    struct,
    u8,
    u16,
    u32,
    u64,
)

TICK_HZ: Final = u32(1000)
TIMER_IRQ: Final = u8(0)

# Timer interrupts since init.  Written only by on_timer (atomic add).
tick_count = Array[u64, 1]()
# The PIT divisor in use; 0 until init.  Written once by init.
divisor: u16 = u16(0)
# The TSC's measured frequency in Hz (0: not measured, count ticks instead)
# and its value when init started the clock.  Written once by init.
tsc_hz: u64 = u64(0)
tsc_at_init: u64 = u64(0)
# The narrowest brackets at the start and end of the calibration, in TSC
# cycles: how precisely the two ends were timed (reported at boot).
calibration_spread: u64 = u64(0)

# 50 ms of PIT steps: the calibration's length.
CALIBRATION_STEPS: Final = u64(59659)
# Brackets taken at each end of the calibration; the narrowest is used.
SAMPLES: Final = 8
# Reads of channel 2 without any progress before it is declared dead.
STALL_LIMIT: Final = u64(100000)
U64_MAX: Final = u64(0xFFFFFFFFFFFFFFFF)


@struct
class PitTrack:
    """Channel 2's count, unwrapped into a running total of PIT steps."""

    last: u16
    total: u64


@struct
class Sample:
    """A PIT reading and the TSC around it."""

    tsc: u64  # the middle of the bracket
    pit: u64  # PIT steps (PitTrack.total) at the reading
    width: u64  # TSC cycles between the two readings around the PIT read


def advance(track: PitTrack, count: u16) -> bool:
    """Account for a new count of the down-counting channel 2; return
    whether it moved.  Reads must be less than 65536 steps (54.9 ms) apart."""
    steps = track.last - count
    track.last = count
    track.total += u64(steps)
    return steps != 0


def take_sample(track: PitTrack, out: Sample) -> None:
    """Read the PIT between two TSC readings."""
    before = cpu.timestamp()
    count = pit.read_channel2()
    after = cpu.timestamp()
    advance(track, count)
    out.tsc = before + (after - before) // 2
    out.pit = track.total
    out.width = after - before


def best_sample(track: PitTrack, out: Sample) -> None:
    """The narrowest of ``SAMPLES`` brackets taken in a row."""
    out.width = U64_MAX
    sample = Sample()
    for _ in range(SAMPLES):
        take_sample(track, sample)
        if sample.width < out.width:
            out.tsc = sample.tsc
            out.pit = sample.pit
            out.width = sample.width


def measure_tsc_hz() -> u64:
    """The TSC's frequency, measured against PIT channel 2 over about 50 ms;
    0 when channel 2 does not count."""
    global calibration_spread
    pit.start_channel2()
    track = PitTrack()
    track.last = pit.read_channel2()
    start = Sample()
    best_sample(track, start)
    stalled = u64(0)
    while track.total - start.pit < CALIBRATION_STEPS and stalled < STALL_LIMIT:
        if advance(track, pit.read_channel2()):
            stalled = u64(0)
        else:
            stalled += 1
    end = Sample()
    best_sample(track, end)
    pit.stop_channel2()
    steps = end.pit - start.pit
    if stalled >= STALL_LIMIT or steps == 0 or end.tsc <= start.tsc:
        return u64(0)
    calibration_spread = start.width + end.width
    return (end.tsc - start.tsc) * pit.INPUT_FREQUENCY // steps


def ms_from_cycles(cycles: u64, hz: u64) -> u64:
    """Whole milliseconds in ``cycles`` of a counter running at ``hz``."""
    return cycles // hz * 1000 + cycles % hz * 1000 // hz


def cycles_for_ms(ms: u64, hz: u64) -> u64:
    """The fewest cycles at ``hz`` that last at least ``ms`` milliseconds
    (``U64_MAX`` when that many do not fit)."""
    seconds = ms // 1000
    if seconds > U64_MAX // hz:
        return U64_MAX
    whole = seconds * hz
    part = (ms % 1000 * hz + 999) // 1000
    if whole > U64_MAX - part:
        return U64_MAX
    return whole + part


def later(start: u64, cycles: u64) -> u64:
    """``start + cycles``, or ``U64_MAX`` if that overflows."""
    if cycles > U64_MAX - start:
        return U64_MAX
    return start + cycles


def ms_from_ticks(count: u64, pit_divisor: u16) -> u64:
    """Whole milliseconds in ``count`` PIT periods of ``pit_divisor`` clocks."""
    return count * u64(pit_divisor) * 1000 // pit.INPUT_FREQUENCY


def ticks_for_ms(ms: u64, pit_divisor: u16) -> u64:
    """The fewest PIT periods that last at least ``ms`` milliseconds."""
    period = u64(pit_divisor) * 1000
    return (ms * pit.INPUT_FREQUENCY + period - 1) // period


def tick() -> None:
    """Count one timer interrupt (the body of ``on_timer``)."""
    atomic_add(addr_of(tick_count), u64(1))


@interrupt
def on_timer(frame: Ptr[InterruptFrame]) -> None:
    """IRQ 0: one more tick."""
    tick()
    pic.send_eoi(TIMER_IRQ)


def init() -> None:
    """Measure the TSC, then start the PIT at ``TICK_HZ`` and route IRQ 0
    to ``on_timer``.

    Safety: after ``pic.init``; interrupts may be enabled afterwards.
    """
    global divisor, tsc_hz, tsc_at_init
    tsc_hz = measure_tsc_hz()
    tsc_at_init = cpu.timestamp()
    divisor = pit.start_periodic(TICK_HZ)
    idt.set_handler(pic.vector(TIMER_IRQ), func_addr(on_timer))
    pic.unmask(TIMER_IRQ)
    report()


def report() -> None:
    """Say at boot what the clock runs on."""
    if tsc_hz == 0:
        log.warn("clock: PIT channel 2 does not count, so the TSC was not measured; "
                 "uptime counts timer ticks and loses the late ones")
        return
    khz = tsc_hz // 1000
    # How far apart in time the PIT reads could be from the TSC readings,
    # relative to the 50 ms measured: the calibration's worst error.
    ppm = calibration_spread * 1_000_000 // (tsc_hz // 20)
    print(f"clock: TSC {khz // 1000}.{khz % 1000:03} MHz, measured on the PIT to {ppm} ppm; ",
          end="")
    if tsc.has_invariant_tsc():
        print("invariant")
    else:
        print("not marked invariant")


def is_running() -> bool:
    """Whether ``init`` has started the clock."""
    return divisor != 0


def ticks() -> u64:
    """Timer interrupts since ``init``."""
    return atomic_load(addr_of(tick_count))


def uptime_ms() -> u64:
    """Milliseconds since ``init``."""
    if tsc_hz == 0:
        return ms_from_ticks(ticks(), divisor)
    return ms_from_cycles(cpu.timestamp() - tsc_at_init, tsc_hz)


def require_running() -> None:
    """Panic if the clock has not been started: a sleep would never end."""
    if not is_running():
        panic("clock: sleeping before clock.init(); no tick would ever come")


def wait_for_tick(deadline: u64) -> None:
    """Halt until ``ticks()`` reaches ``deadline``; interrupts end up as they were."""
    require_running()
    flags = irqflags.save_and_disable()
    while ticks() < deadline:
        irqflags.enable_and_halt()
        irqflags.disable()
    irqflags.restore(flags)


def wait_until_cycle(deadline: u64) -> None:
    """Halt until the TSC reaches ``deadline``, waking at each tick to look;
    interrupts end up as they were."""
    require_running()
    flags = irqflags.save_and_disable()
    while cpu.timestamp() < deadline:
        irqflags.enable_and_halt()
        irqflags.disable()
    irqflags.restore(flags)


def sleep_ms(ms: u64) -> None:
    """Sleep at least ``ms`` milliseconds, halting the CPU between ticks.

    The sleep ends at the first tick after the deadline, so within about a
    millisecond of the time asked.  (Counting ticks instead, the current
    tick is already partly over when the call starts, so one more is
    waited for.)  Interrupts are enabled while sleeping (the wake-ups
    depend on them).
    """
    require_running()
    if ms == 0:
        return
    if tsc_hz == 0:
        wait_for_tick(ticks() + ticks_for_ms(ms, divisor) + 1)
        return
    wait_until_cycle(later(cpu.timestamp(), cycles_for_ms(ms, tsc_hz)))


def sleep_until_ms(deadline_ms: u64) -> None:
    """Sleep until ``uptime_ms()`` reaches ``deadline_ms`` (for fixed-rate loops).

    Unlike repeated ``sleep_ms`` calls, a loop that advances its deadline
    by a fixed step does not accumulate the rounding of each sleep.
    """
    require_running()
    if uptime_ms() >= deadline_ms:
        return
    if tsc_hz == 0:
        wait_for_tick(ticks_for_ms(deadline_ms, divisor))
        return
    wait_until_cycle(later(tsc_at_init, cycles_for_ms(deadline_ms, tsc_hz)))
