"""Address spaces for user programs: a PML4 each, the kernel half shared.

A process gets its own PML4.  Its lower half (entries 0-255, addresses
below 0x0000800000000000) is private and starts empty; its upper half
(entries 256-511) is a copy of the kernel PML4's entries, so the kernel's
code, data, heap and physical-memory window are mapped the same way in
every address space, and the kernel keeps running when CR3 changes::

    PML4 entry   addresses                      in a process
    0-255        0x0000000000000000-7fffffffffff   its own tables (USER pages)
    256-511      0xffff800000000000-ffffffffffff   the kernel's, shared

The upper-half entries are copied when the space is made; a kernel
mapping added later in a PML4 slot that was empty then would not show in
it (the heap and window slots all exist by the time processes start).
None of the kernel's entries has the USER bit, so ring 3 cannot touch
them.  The tables are reached through the physical-memory window, never
through the recursive entry (which is the kernel PML4's own).

``destroy`` frees every frame of the lower half: the pages mapped in it
and the tables that held them, then the PML4.
"""

from typing import Final

import kernel.mm.memory as memory
from kernel.mm.addr import PhysAddr, VirtAddr
from kernel.mm.frames import NO_FRAME
from kernel.mm.paging import ENTRIES, HUGE, MAPPED, PRESENT, USER, PageTables, entry_address
from pythos.lang import Ptr, u64

USER_ENTRIES: Final = u64(256)


def tables_of(root: PhysAddr) -> PageTables:
    """Page tables of the address space whose PML4 is ``root``."""
    return PageTables(memory.phys_window, root, False, memory.tables.unsupported_flags)


def zero_frame(frame: PhysAddr) -> Ptr[u64]:
    """Zero a frame through the window; return its words."""
    words = Ptr[u64](memory.phys_to_virt(frame))
    for i in range(ENTRIES):
        words[i] = u64(0)
    return words


def create() -> PhysAddr:
    """A new address space: an empty user half and the kernel's upper half.

    Returns its PML4's physical address, or NO_FRAME when memory ran out.
    """
    root = memory.frames.allocate()
    if root.value == NO_FRAME:
        return root
    entries = zero_frame(root)
    kernel = Ptr[u64](memory.phys_to_virt(memory.tables.root))
    for i in range(USER_ENTRIES, ENTRIES):
        entries[i] = kernel[i]
    return root


def map_page(root: PhysAddr, page: u64, flags: u64) -> PhysAddr:
    """Map a fresh zeroed frame at ``page`` with ``flags``; return the frame,
    or NO_FRAME when memory ran out or the page was already mapped."""
    frame = memory.frames.allocate()
    if frame.value == NO_FRAME:
        return frame
    zero_frame(frame)
    if tables_of(root).map(VirtAddr(page), frame, flags | USER, memory.frames) != MAPPED:
        memory.frames.free(frame)
        return PhysAddr(NO_FRAME)
    return frame


def free_table(frame: u64, level: u64) -> u64:
    """Free the table in ``frame`` (``level`` 3 = PDPT .. 1 = PT), everything
    below it, and the frame; return how many frames were freed."""
    entries = Ptr[u64](memory.phys_to_virt(PhysAddr(frame)))
    freed = u64(0)
    for i in range(ENTRIES):
        value = entries[i]
        if value & PRESENT == 0:
            continue
        if level == 1:
            memory.frames.free(PhysAddr(entry_address(value)))
            freed += 1
        elif value & HUGE == 0:
            freed += free_table(entry_address(value), level - 1)
    memory.frames.free(PhysAddr(frame))
    return freed + 1


def destroy(root: PhysAddr) -> u64:
    """Free the user half and the PML4; return the number of frames freed.

    Safety: CR3 must not hold ``root`` any more.
    """
    entries = Ptr[u64](memory.phys_to_virt(root))
    freed = u64(0)
    for i in range(USER_ENTRIES):
        if entries[i] & PRESENT != 0:
            freed += free_table(entry_address(entries[i]), u64(3))
    memory.frames.free(root)
    return freed + 1
