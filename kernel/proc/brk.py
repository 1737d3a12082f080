"""A process's heap: ``brk`` moves its end.

The heap starts at the first page boundary above the program's segments
(``Task.heap_start``, set by spawn) and may grow by ``MAX_HEAP``, far
below the user stack.  Growing maps fresh zeroed pages (USER, WRITABLE,
NO_EXECUTE); shrinking unmaps pages and frees their frames at once.  A
failed grow gives back the pages it mapped, so the heap is either moved
or untouched.  Whatever is still mapped at exit goes with the address
space.
"""

from typing import Final

import kernel.arch.x86_64.mmu as mmu
import kernel.mm.address_space as address_space
import kernel.mm.memory as memory
from kernel.mm.addr import PAGE_SIZE, PhysAddr, VirtAddr
from kernel.mm.frames import NO_FRAME
from kernel.mm.paging import NO_EXECUTE, WRITABLE
from kernel.proc.scheduler import table
from pythos.lang import i64, u64
from pythos.rt.sysabi import EINVAL, ENOMEM

# How far brk may grow the heap past its start.
MAX_HEAP: Final = u64(64 << 20)


def unmap_user_page(root: PhysAddr, page: u64) -> None:
    """Unmap a user page of the running process and free its frame."""
    frame = address_space.tables_of(root).unmap(VirtAddr(page))
    if frame.value != NO_FRAME:
        mmu.flush_page(page)
        memory.frames.free(frame)


def brk(new_end: u64) -> i64:
    """Move the running process's heap end to ``new_end`` (0: just ask);
    the end, or -ENOMEM (past MAX_HEAP or out of memory), -EINVAL (below
    the heap's start).  New pages are zeroed, freed ones go back at once."""
    task = table.tasks[table.current]
    if new_end == 0:
        return i64(task.heap_end)
    if new_end < task.heap_start:
        return -EINVAL
    if new_end - task.heap_start > MAX_HEAP:
        return -ENOMEM
    root = PhysAddr(task.root)
    old_top = (task.heap_end + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)
    new_top = (new_end + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)
    page = old_top
    while page < new_top:
        if address_space.map_page(root, page, WRITABLE | NO_EXECUTE).value == NO_FRAME:
            while page > old_top:  # give back what this call mapped
                page -= PAGE_SIZE
                unmap_user_page(root, page)
            return -ENOMEM
        page += PAGE_SIZE
    page = new_top
    while page < old_top:
        unmap_user_page(root, page)
        page += PAGE_SIZE
    task.heap_end = new_end
    return i64(new_end)
