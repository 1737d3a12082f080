"""The pure parts of memory setup (kernel/mm/memory.py) under CPython: how
much RAM lies beyond the physical-memory window, and where the window may
use a 1 GiB page instead of 512 pages of 2 MiB."""

from __future__ import annotations

import pytest

from kernel.mm import memory
from kernel.multiboot import REGION_AVAILABLE, REGION_RESERVED, MemoryRegion
from pythos.lang import Array, u32, u64

GIB = 1 << 30

# What QEMU's pc machine gives a 128 GiB guest: 3 GiB below the PCI hole,
# the rest from 4 GiB up, and firmware holes.
QEMU_128G = [(0, 0x9FC00, REGION_AVAILABLE), (0x9FC00, 0x400, REGION_RESERVED),
             (0xF0000, 0x10000, REGION_RESERVED), (0x100000, 3 * GIB - 0x100000 - 0x20000,
                                                    REGION_AVAILABLE),
             (3 * GIB - 0x20000, 0x20000, REGION_RESERVED),
             (0xFFFC0000, 0x40000, REGION_RESERVED), (4 * GIB, 125 * GIB, REGION_AVAILABLE)]


def regions(spec: list[tuple[int, int, int]]) -> tuple[Array, u32]:
    table = Array[MemoryRegion, 32]()
    for i, (base, length, kind) in enumerate(spec):
        table[i] = MemoryRegion(u64(base), u64(length), u32(kind))
    return table, u32(len(spec))


@pytest.mark.parametrize("limit, expected", [
    (0, 128 * GIB - 0x400 - 0x20000 - 0x60000),  # everything available
    (64 * GIB, 65 * GIB),                       # the 64 GiB the kernel used to ignore
    (129 * GIB, 0), (200 * GIB, 0),
    (3 * GIB, 125 * GIB),                       # a limit in a hole
    (5 * GIB + 123, 124 * GIB - 123),           # a limit inside a region
])
def test_ram_above(limit: int, expected: int) -> None:
    table, count = regions(QEMU_128G)
    assert memory.ram_above(table, count, u64(limit)) == expected


@pytest.fixture
def with_gib_pages():
    saved = memory.gib_pages
    memory.gib_pages = True
    yield
    memory.gib_pages = saved


def gib_pages_of(spec: list[tuple[int, int, int]], size: int) -> list[int]:
    table, count = regions(spec)
    return [phys // GIB for phys in range(0, size, GIB)
            if memory.gib_page_fits(table, count, u64(phys), u64(size))]


def test_gib_pages_only_where_a_whole_gib_is_ram(with_gib_pages) -> None:
    # Not the first GiB (the kernel's, split later), not 2-3 GiB (its
    # region ends 128 KiB short of 3 GiB), not the PCI hole at 3-4 GiB.
    assert gib_pages_of(QEMU_128G, 129 * GIB) == [1] + list(range(4, 129))
    # A window that ends inside a GiB maps that GiB with 2 MiB pages.
    assert gib_pages_of(QEMU_128G, 128 * GIB + (2 << 20)) == [1] + list(range(4, 128))
    # A GiB split between two available regions is two memory types, maybe.
    split = [(GIB, GIB // 2, REGION_AVAILABLE), (GIB + GIB // 2, GIB // 2, REGION_AVAILABLE)]
    assert gib_pages_of(split, 2 * GIB) == []


def test_no_gib_pages_without_the_cpu_feature() -> None:
    assert not memory.gib_pages
    assert gib_pages_of(QEMU_128G, 129 * GIB) == []
