"""Kernel stacks for processes, each with an unmapped guard page below it.

Every process runs its system calls and interrupts on a kernel stack of
its own, which is where it is parked while others run (see
kernel/arch/x86_64/context.py).  The stacks live in a fixed region next
to the IST stacks, one slot per task-table slot::

    KERNEL_STACKS + slot * SLOT_SIZE
    +-----------------------------+  <- stack top (TSS.RSP0, syscall stack)
    | STACK_PAGES pages, RW, NX   |
    +-----------------------------+
    | guard page, never mapped    |
    +-----------------------------+  <- KERNEL_STACKS + slot * SLOT_SIZE

A kernel stack overflow runs into the guard page; the CPU cannot push the
page fault's frame on the same stack and raises a double fault, which has
its own IST stack and is reported (never a silent corruption of the next
process's stack).

The region is in PML4 entry 352, which ``memory.move_ist_stacks`` creates
before any address space exists, so every process's PML4 shares it (the
upper half is copied when an address space is made).  ``init`` creates
the page table that covers the region once, by mapping and unmapping one
page, so allocating and freeing stacks afterwards never allocates or frees
a table: the free-frame count after a process has come and gone is
exactly what it was before.  Slot 0 is the kernel task, which keeps the
boot stack, so slot 0's stack is never mapped.
"""

from typing import Final

import kernel.arch.x86_64.mmu as mmu
import kernel.mm.memory as memory
from kernel.mm.addr import PAGE_SIZE, VirtAddr
from kernel.mm.frames import NO_FRAME
from kernel.mm.paging import MAPPED, NO_EXECUTE, WRITABLE
from kernel.proc.tasks import MAX_TASKS
from pythos.lang import panic, u64

# 2 MiB above the IST stacks (same PML4 entry, a page table of its own).
KERNEL_STACKS: Final = u64(0xFFFFB00000200000)
STACK_PAGES: Final = u64(4)
SLOT_SIZE: Final = u64((4 + 1) * 4096)
# One page table maps 2 MiB: every slot must fit in it (64 * 20 KiB does).
REGION_SIZE: Final = u64(2 << 20)


def bottom(slot: u64) -> u64:
    """The lowest stack page of ``slot`` (its guard page is just below)."""
    return KERNEL_STACKS + slot * SLOT_SIZE + PAGE_SIZE


def top(slot: u64) -> u64:
    """The top of ``slot``'s stack: one past its highest byte."""
    return bottom(slot) + STACK_PAGES * PAGE_SIZE


def in_region(address: u64) -> bool:
    """Whether ``address`` lies in some slot of the stack region (for
    backtraces: which stack is the CPU on?)."""
    return KERNEL_STACKS <= address < KERNEL_STACKS + MAX_TASKS * SLOT_SIZE


def bottom_of(address: u64) -> u64:
    """The lowest stack byte of the slot holding ``address`` (in the region)."""
    return bottom((address - KERNEL_STACKS) // SLOT_SIZE)


def top_of(address: u64) -> u64:
    """The top of the stack of the slot holding ``address`` (in the region)."""
    return top((address - KERNEL_STACKS) // SLOT_SIZE)


def init() -> None:
    """Create the region's page table (see the module docstring)."""
    if MAX_TASKS * SLOT_SIZE > REGION_SIZE:
        panic("kstack: the stack region does not fit one page table")
    if not memory.map_new(bottom(u64(1)), PAGE_SIZE, WRITABLE | NO_EXECUTE):
        panic("kstack: no frames for the kernel stack region's table")
    release_page(bottom(u64(1)))


def release_page(page: u64) -> None:
    """Unmap ``page`` and free its frame, if it is mapped."""
    frame = memory.tables.unmap(VirtAddr(page))
    if frame.value != NO_FRAME:
        mmu.flush_page(page)
        memory.frames.free(frame)


def allocate(slot: u64) -> bool:
    """Map fresh frames for ``slot``'s stack; False (nothing kept) when memory ran out."""
    for k in range(STACK_PAGES):
        page = bottom(slot) + k * PAGE_SIZE
        frame = memory.frames.allocate()
        if frame.value == NO_FRAME:
            free(slot)
            return False
        result = memory.tables.map(VirtAddr(page), frame, WRITABLE | NO_EXECUTE, memory.frames)
        if result != MAPPED:
            panic(f"kstack: mapping {page:#x} failed ({result})")
    return True


def free(slot: u64) -> None:
    """Unmap ``slot``'s stack and free its frames.

    Safety: nobody runs on it (a task's stack is freed when it is reaped,
    by another task).
    """
    for k in range(STACK_PAGES):
        release_page(bottom(slot) + k * PAGE_SIZE)
