"""A platform for the object allocator under CPython: memory from a list heap.

``pythos.rt.alloc`` imports its platform as ``pythos.rt.platform``, which
the compiler points at ``pythos/rt/linux.py`` or ``pythos/rt/kernel.py``.
Under CPython the tests install this module under that name instead.  It
hands out memory from a ``ListHeap`` (the kernel's linked-list design)
over an ``Array`` that stands in for RAM, and it keeps its own record of
every block it handed out, so a test can check that the allocator gives
back exactly what it took, with the same size and alignment.

``fail_after`` makes it refuse requests, to test running out of memory.
"""

from __future__ import annotations

from typing import Final

from kernel.mm.heap_list import ListHeap
from pythos.lang import Array, addr_of, u8, u64

MEMORY: Final = 8 << 20
# The kernel heap's granule; a test of Linux's page-granular platform sets
# 4096 before it loads the allocator.
PLATFORM_GRANULE = u64(16)
AUTO_FLUSH: Final = True


class Platform:
    def __init__(self) -> None:
        self.memory = Array[u8, MEMORY]()
        start = (int(addr_of(self.memory).addr) + 0xFFFF) & ~0xFFFF
        self.heap = ListHeap()
        self.heap.init(u64(start), u64(int(addr_of(self.memory).addr) + MEMORY - start))
        self.blocks: dict[int, tuple[int, int]] = {}  # address -> size, align
        self.fail_after = -1  # requests to grant before refusing; -1: never refuse
        self.allocations = 0  # requests granted

    def alloc(self, size: u64, align: u64) -> u64:
        if self.fail_after == 0:
            return u64(0)
        if self.fail_after > 0:
            self.fail_after -= 1
        addr = self.heap.alloc(size, align)
        if addr != 0:
            self.blocks[int(addr)] = (int(size), int(align))
            self.allocations += 1
        return addr

    def free(self, addr: u64, size: u64, align: u64) -> None:
        held = self.blocks.pop(int(addr), None)
        assert held == (int(size), int(align)), (
            f"platform_free({int(addr):#x}, {int(size)}, {int(align)}) does not match "
            f"platform_alloc's {held}")
        self.heap.free(addr, size, align)


def held_bytes(blocks: dict[int, tuple[int, int]]) -> int:
    """What the allocator holds in ``blocks``, as its statistics count it."""
    granule = int(PLATFORM_GRANULE)
    return sum((size + granule - 1) & -granule for size, _ in blocks.values())


current = Platform()


def reset() -> Platform:
    global current
    current = Platform()
    return current


def platform_alloc(size: u64, align: u64) -> u64:
    return current.alloc(size, align)


def platform_free(addr: u64, size: u64, align: u64) -> None:
    current.free(addr, size, align)
