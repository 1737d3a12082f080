"""In-kernel tests of the executor's parts that compile today (issue 13):
the wake set with the real interrupt flag, the keyboard's IRQ 1 waking the
slot registered for keys, the idle halt against an interrupt that is
already pending when it checks, and the timer heap.

The coroutine-driving tests are in kernel/tests/executor_async.py, named
``pending_test_*`` until the compiler compiles ``async def`` (the ``coro``
branch): renamed to ``test_*`` they join this run.
"""

from typing import Final

import kernel.arch.x86_64.irqflags as irqflags
import kernel.clock as clock
import kernel.drivers.keyboard as keyboard
from kernel.task import waker
from kernel.task.idle import halt_if_idle
from kernel.task.slots import SLOTS
from kernel.task.timers import TIMERS
from kernel.task.waker import KEYBOARD, WAKES
from kernel.task.wakeset import MAX_TASKS, NO_SLOT
from kernel.xorshift import xorshift64
from pythos.lang import Array, u8, u32, u64

# Ticks to wait for an interrupt the test caused before giving up.
PATIENCE: Final = u64(100)
# How long the idle test idles.
IDLE_MS: Final = u64(1000)

deadlines = Array[u64, 1000]()


def wait_for_wake() -> None:
    """Halt until something is on the wake set (bounded)."""
    give_up = clock.ticks() + PATIENCE
    while WAKES.queued() == 0 and clock.ticks() < give_up:
        irqflags.enable_and_halt()


def test_wakes_coalesce_and_come_out_in_wake_order() -> None:
    WAKES.reset()
    for slot in [5, 5, 9, 5, 1023, 9]:
        assert waker.wake(u64(slot))
    assert not waker.wake(u64(MAX_TASKS)), "out of range: refused, counted, no panic"
    assert WAKES.queued() == 3 and WAKES.coalesced == 3 and WAKES.refused == 1
    assert waker.take() == 5 and waker.take() == 9
    waker.wake(u64(5))
    assert waker.take() == 1023 and waker.take() == 5 and waker.take() == NO_SLOT
    assert WAKES.wake_count(u64(5)) == 4
    assert irqflags.are_enabled(), "wake and take restore the interrupt flag"


def test_a_key_interrupt_wakes_the_slot_registered_for_keys_once() -> None:
    assert keyboard.present
    WAKES.reset()
    keyboard.buffer.clear()
    KEYBOARD.register(u32(42))
    assert keyboard.inject_scancode(u8(0x1E))
    wait_for_wake()
    assert waker.take() == 42
    assert KEYBOARD.registered() == NO_SLOT, "one registration, one wake"
    assert keyboard.inject_scancode(u8(0x9E))
    give_up = clock.ticks() + PATIENCE
    while keyboard.buffer.length() < 2 and clock.ticks() < give_up:
        irqflags.enable_and_halt()
    assert keyboard.buffer.length() == 2 and waker.take() == NO_SLOT, "nobody registered"
    keyboard.buffer.clear()


def test_an_interrupt_pending_at_the_idle_check_ends_the_halt() -> None:
    assert keyboard.present
    WAKES.reset()
    TIMERS.reset()
    keyboard.buffer.clear()
    flags = irqflags.save_and_disable()
    KEYBOARD.register(u32(7))
    # The key arrives with interrupts off: IRQ 1 waits in the PIC, and the
    # wake set is still empty when the idle check looks.
    assert keyboard.inject_scancode(u8(0x1E))
    assert WAKES.queued() == 0
    assert halt_if_idle(clock.uptime_ms), "nothing woken: it halts"
    assert irqflags.are_enabled()
    wait_for_wake()
    assert waker.take() == 7, "the pending IRQ 1 ran and woke the slot"
    irqflags.restore(flags)
    keyboard.buffer.clear()


def test_idle_does_not_halt_with_a_wake_queued_or_a_timer_due() -> None:
    WAKES.reset()
    TIMERS.reset()
    waker.wake(u64(3))
    halts_before = clock.ticks()
    assert not halt_if_idle(clock.uptime_ms)
    assert waker.take() == 3
    TIMERS.push(clock.uptime_ms(), u64(4))
    assert not halt_if_idle(clock.uptime_ms), "a due timer is work"
    assert TIMERS.pop_due(clock.uptime_ms()) == 4
    assert clock.ticks() - halts_before < PATIENCE


def test_a_thousand_timers_come_due_in_deadline_order() -> None:
    TIMERS.reset()
    state = u64(99)
    for i in range(1000):
        state = xorshift64(state)
        deadlines[i] = state % u64(10000)
        assert TIMERS.push(deadlines[i], u64(i))
    assert TIMERS.check()
    last = u64(0)
    for now in range(0, 10000 + 37, 37):
        slot = TIMERS.pop_due(u64(now))
        while slot != NO_SLOT:
            assert deadlines[slot] >= last and deadlines[slot] <= u64(now)
            last = deadlines[slot]
            slot = TIMERS.pop_due(u64(now))
    assert TIMERS.count == 0


def test_task_slots_run_out_and_come_back() -> None:
    SLOTS.reset()
    for _ in range(MAX_TASKS):
        assert SLOTS.allocate() != NO_SLOT
    assert SLOTS.allocate() == NO_SLOT and SLOTS.refused == 1
    assert SLOTS.release(u64(17))
    assert SLOTS.allocate() == 17
    SLOTS.reset()


def test_an_idle_second_is_spent_halted() -> None:
    """Nothing woken, no timer: each pass halts until the next PIT tick.
    (tools: run this test alone and read QEMU's CPU time, docs/tasks.md.)"""
    WAKES.reset()
    TIMERS.reset()
    end = clock.uptime_ms() + IDLE_MS
    halts = 0
    while clock.uptime_ms() < end:
        if halt_if_idle(clock.uptime_ms):
            halts += 1
    print(f"idle: {halts} halts in {IDLE_MS} ms")
    assert halts > 0 and WAKES.queued() == 0
