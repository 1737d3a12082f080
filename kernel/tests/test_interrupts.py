"""In-kernel tests of exceptions, the clock, the PIC and interrupt-safe locking.

Each CPU exception test makes the real fault happen (with inline assembly,
since the compiler itself never divides by zero or runs off the end of the
address space) and expects the panic the exception handler ends with.
"""

from typing import Final

import kernel.arch.x86_64.exceptions as exceptions
import kernel.arch.x86_64.irqcost as irqcost
import kernel.arch.x86_64.irqflags as irqflags
import kernel.arch.x86_64.pic as pic
import kernel.clock as clock
import kernel.drivers.keyboard as keyboard
from kernel.sync.irqlock import IrqLock
from kernel.sync.ringbuffer import RingBuffer
from pythos.lang import Array, Ptr, addr_of, asm, i32, int3, should_panic, u8, u64

# An address that no page table maps: PML4 entry 1 (512 GiB) is empty.
UNMAPPED: Final = u64(0x0000008000000000)
# An address that is not canonical (bits 63:47 differ): #GP, not #PF.
NON_CANONICAL: Final = u64(0x8000000000000000)

# The flood test's buffer and its storage.
FLOOD_CAPACITY: Final = u64(256)
flood_buffer = RingBuffer()
flood_storage = Array[u8, FLOOD_CAPACITY]()
test_lock = IrqLock()


def test_interrupts_are_enabled_after_boot() -> None:
    assert irqflags.are_enabled()


def test_breakpoint_returns() -> None:
    before = exceptions.breakpoints()
    int3()
    int3()
    assert exceptions.breakpoints() == before + 2


def test_clock_ticks_at_1khz() -> None:
    assert clock.is_running()
    start = clock.ticks()
    start_ms = clock.uptime_ms()
    clock.sleep_ms(u64(100))
    elapsed = clock.ticks() - start
    slept = clock.uptime_ms() - start_ms
    # The sleep is timed by the TSC and ends at the first tick after 100 ms.
    # 100 ms is 100.015 periods of the PIT at divisor 1193; a busy host can
    # make QEMU deliver ticks late or merge them, so fewer may arrive.
    assert slept >= 100, f"slept {slept} ms"
    assert 50 <= elapsed <= 104, f"{elapsed} ticks in 100 ms"


def test_uptime_is_monotonic() -> None:
    previous = clock.uptime_ms()
    for _ in range(20):
        irqflags.enable_and_halt()
        now = clock.uptime_ms()
        assert now >= previous
        previous = now


def test_timer_and_keyboard_lines_are_unmasked() -> None:
    assert not pic.is_masked(u8(0))
    assert keyboard.present == (not pic.is_masked(u8(1)))
    assert pic.is_masked(u8(3))


def test_irqlock_holds_interrupts_off() -> None:
    with test_lock:
        assert not irqflags.are_enabled()
        with_nested_lock()
        assert not irqflags.are_enabled()
    assert irqflags.are_enabled()


nested_lock = IrqLock()


def with_nested_lock() -> None:
    with nested_lock:
        assert not irqflags.are_enabled()


def test_ringbuffer_survives_a_flood() -> None:
    flood_buffer.attach(addr_of(flood_storage), FLOOD_CAPACITY)
    for i in range(3 * FLOOD_CAPACITY):
        flood_buffer.push(u8(i))
    assert flood_buffer.is_full()
    assert flood_buffer.dropped_count() == 2 * FLOOD_CAPACITY
    for i in range(FLOOD_CAPACITY):
        assert flood_buffer.pop() == i32(u8(i))
    assert flood_buffer.is_empty()


@should_panic("divide error: unhandled CPU exception #DE (vector 0)")
def test_divide_error_is_reported() -> None:
    asm("xorl %ecx, %ecx; divl %ecx", "~{eax},~{ecx},~{edx}")


@should_panic("invalid opcode: unhandled CPU exception #UD (vector 6)")
def test_invalid_opcode_is_reported() -> None:
    asm("ud2", "")


@should_panic("general protection fault: unhandled CPU exception #GP (vector 13)")
def test_general_protection_fault_is_reported() -> None:
    print(Ptr[u64](NON_CANONICAL).volatile_load())


@should_panic("page fault: unhandled CPU exception #PF (vector 14)")
def test_page_fault_is_reported() -> None:
    print(Ptr[u64](UNMAPPED).volatile_load())


@should_panic("double fault: kernel stack overflow")
def test_stack_overflow_is_a_double_fault() -> None:
    print(recurse(u64(0)))


def recurse(depth: u64) -> u64:
    """Recurse forever, with a frame the optimiser cannot remove."""
    frame = Array[u64, 32]()
    frame[depth & 31] = depth
    # The array's address escapes into assembly after the call, so the
    # call cannot become a loop or a tail call.
    result = recurse(depth + 1)
    asm("", "r,~{memory}", addr_of(frame).addr)
    return result + frame[0]


def test_keyboard_irq_reaches_the_decoder() -> None:
    # The controller delivers "a" pressed and released through IRQ 1, as
    # if typed; the handler queues them and next_event decodes them.
    assert keyboard.present
    keyboard.buffer.clear()
    deliver_scancode(u8(0x1E))
    deliver_scancode(u8(0x9E))
    pressed = keyboard.next_event()
    released = keyboard.next_event()
    assert pressed.key == 0x1E and pressed.pressed and pressed.char == 0x61
    assert released.key == 0x1E and not released.pressed
    assert not keyboard.next_event().is_key()


def deliver_scancode(code: u8) -> None:
    """Inject one scancode and wait (up to 50 ms) until IRQ 1 has queued it."""
    waiting = keyboard.buffer.length()
    assert keyboard.inject_scancode(code)
    deadline = clock.ticks() + 50
    while keyboard.buffer.length() == waiting and clock.ticks() < deadline:
        irqflags.enable_and_halt()
    assert keyboard.buffer.length() == waiting + 1


def test_timer_vector_handles_a_software_interrupt() -> None:
    # What the interrupt benchmark relies on: int $32 runs on_timer.
    before = clock.ticks()
    irqcost.int_32_cost()
    assert clock.ticks() >= before + 1
