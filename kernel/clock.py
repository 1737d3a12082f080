"""The monotonic clock: timer ticks and milliseconds since boot.

``init`` programs the PIT (``drivers/pit.py``) to interrupt at
``TICK_HZ`` = 1000 Hz on IRQ 0 and installs ``on_timer``, which adds one
to ``tick_count`` and acknowledges the interrupt.  Everything else reads
the counter:

* ``ticks()``: timer interrupts since ``init``;
* ``uptime_ms()``: milliseconds since ``init``, computed from the PIT's
  real period (``divisor`` / 1193182 s, 0.99985 ms at 1 kHz), so it does
  not drift by the 0.015% that counting a tick as 1 ms would;
* ``sleep_ms(n)``: waits at least ``n`` ms, halting the CPU between ticks.

``tick_count`` is a ``u64`` written only by ``on_timer`` (an atomic add,
so readers see whole values and the compiler cannot cache it) and read
with atomic loads anywhere.  At 1 kHz it wraps after 584 million years.

Sleeping without losing a wake-up: ``wait_for_tick`` checks the counter
with interrupts disabled and then executes ``sti; hlt``.  ``sti`` only
takes effect after the next instruction, so a timer interrupt that became
pending after the check is delivered once the CPU halts, and wakes it;
checking with interrupts enabled could miss it and sleep until the next
one.  (With a periodic tick a missed wake-up costs one tick; for other
events, such as a key press, it would cost an arbitrary delay.)
"""

from typing import Final

import kernel.arch.x86_64.idt as idt
import kernel.arch.x86_64.irqflags as irqflags
import kernel.arch.x86_64.pic as pic
import kernel.drivers.pit as pit
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
    """Start the PIT at ``TICK_HZ`` and route IRQ 0 to ``on_timer``.

    Safety: after ``pic.init``; interrupts may be enabled afterwards.
    """
    global divisor
    divisor = pit.start_periodic(TICK_HZ)
    idt.set_handler(pic.vector(TIMER_IRQ), func_addr(on_timer))
    pic.unmask(TIMER_IRQ)


def is_running() -> bool:
    """Whether ``init`` has started the clock."""
    return divisor != 0


def ticks() -> u64:
    """Timer interrupts since ``init``."""
    return atomic_load(addr_of(tick_count))


def uptime_ms() -> u64:
    """Milliseconds since ``init``."""
    return ms_from_ticks(ticks(), divisor)


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


def sleep_ms(ms: u64) -> None:
    """Sleep at least ``ms`` milliseconds, halting the CPU between ticks.

    The current tick is already partly over when the call starts, so one
    more tick is waited for; the sleep ends within a tick of the time asked.
    Interrupts are enabled while sleeping (the clock depends on them).
    """
    require_running()
    if ms == 0:
        return
    wait_for_tick(ticks() + ticks_for_ms(ms, divisor) + 1)


def sleep_until_ms(deadline_ms: u64) -> None:
    """Sleep until ``uptime_ms()`` reaches ``deadline_ms`` (for fixed-rate loops).

    Unlike repeated ``sleep_ms`` calls, a loop that advances its deadline
    by a fixed step does not accumulate the rounding of each sleep.
    """
    require_running()
    if uptime_ms() >= deadline_ms:
        return
    wait_for_tick(ticks_for_ms(deadline_ms, divisor))
