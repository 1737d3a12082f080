"""In-kernel tests of the process machinery that host tests cannot reach:
kernel stacks in their region, and what happens when one overflows."""

from typing import Final

import kernel.arch.x86_64.context as context
import kernel.arch.x86_64.irqflags as irqflags
import kernel.arch.x86_64.usermode as usermode
import kernel.mm.memory as memory
import kernel.proc.kstack as kstack
from pythos.lang import Array, Ptr, addr_of, func_addr, should_panic, u64

# A task slot no test kernel process uses.
SLOT: Final = u64(63)

# Where the overflow test parks the stack it leaves (never resumed).
parked = Array[u64, 1]()


def test_kernel_stacks_come_and_go_without_losing_frames() -> None:
    free_before = memory.frames.free_frames()
    assert kstack.allocate(SLOT)
    assert memory.frames.free_frames() == free_before - kstack.STACK_PAGES
    top = kstack.top(SLOT)
    Ptr[u64](top - 8).store(u64(0x1234))  # the stack is mapped and writable
    assert kstack.in_region(top - 8) and kstack.top_of(top - 8) == top
    assert kstack.bottom_of(top - 8) == kstack.bottom(SLOT)
    kstack.free(SLOT)
    assert memory.frames.free_frames() == free_before


def recurse(depth: u64) -> u64:
    """Recurse forever, with a frame the optimiser cannot remove."""
    frame = Array[u64, 32]()
    frame[depth & 31] = depth
    return recurse(depth + 1) + frame[(depth + 1) & 31]


def overflow() -> None:
    """Runs on the process kernel stack of SLOT: overflow it."""
    print(recurse(u64(0)))


@should_panic("double fault: kernel stack overflow")
def test_process_kernel_stack_overflow_is_reported() -> None:
    """A process's kernel stack has a guard page, and running into it is
    reported as a kernel stack overflow, as on the boot stack."""
    assert kstack.allocate(SLOT)
    irqflags.disable()
    usermode.stack_bottom = kstack.bottom(SLOT)  # what the scheduler does
    # A frame for context.switch to "return" into overflow(): six saved
    # registers, its address, and a fake return address for it.
    top = kstack.top(SLOT)
    words = Ptr[u64](top - 64)
    for i in range(u64(6)):
        words[i] = u64(0)
    words[6] = func_addr(overflow)
    words[7] = u64(0)
    context.switch(addr_of(parked), words.addr)
