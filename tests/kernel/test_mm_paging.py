"""Page tables over fake RAM: map, translate, unmap and flags against a model.

The tables live in an ``Array[u8, N]`` that stands in for physical
memory, and new tables come from a real frame allocator (both designs),
so these tests also check that exactly the expected number of table
frames is taken.  ``PageTables.translate`` walks the tables as the MMU
does, which lets the recursive-mapping addresses be checked too: through
PML4 entry 511 they must lead to the tables themselves.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernel.arch.x86_64.layout import PhysWindow
from kernel.mm.addr import PhysAddr, VirtAddr, virt_from_indexes
from kernel.mm.frames_bitmap import BitmapFrameAllocator
from kernel.mm.frames_list import ListFrameAllocator
from kernel.mm.paging import (
    ALREADY_MAPPED,
    HUGE,
    HUGE_PAGE_IN_THE_WAY,
    MAPPED,
    NO_EXECUTE,
    NO_MEMORY,
    NOT_MAPPED,
    PRESENT,
    RESERVED_BY_RECURSION,
    USER,
    WRITABLE,
    PageTables,
    recursive_entry,
    recursive_table,
)
from pythos.lang import Array, PanicError, addr_of, u8, u64

FRAME = 4096
FRAMES = 48
PHYS_BASE = 0x0020_0000
ALLOCATORS = [BitmapFrameAllocator, ListFrameAllocator]
IDS = ["bitmap", "list"]


class Machine:
    """Fake RAM, a frame allocator over it, and an empty PML4."""

    def __init__(self, kind: type, frames: int = FRAMES) -> None:
        self.ram = Array[u8, frames * FRAME]()
        base = int(addr_of(self.ram).addr)
        self.window = PhysWindow(u64(base - PHYS_BASE), u64(PHYS_BASE + frames * FRAME))
        self.frames = kind()
        start, end = PhysAddr(u64(PHYS_BASE)), PhysAddr(u64(PHYS_BASE + frames * FRAME))
        self.bitmap = Array[u64, 8]()
        self.frames.init(self.window, start, end, VirtAddr(addr_of(self.bitmap).addr), u64(64))
        self.frames.add_region(start, end)
        # The fake RAM starts zeroed, and the allocator clears the two words
        # it used in a free frame: the root is an empty PML4.
        self.tables = PageTables(self.window, self.frames.allocate())


def page(l4: int, l3: int, l2: int, l1: int) -> VirtAddr:
    return virt_from_indexes(u64(l4), u64(l3), u64(l2), u64(l1), u64(0))


# Pages from a few neighbourhoods, so that tables are shared and not.
INDEXES = st.tuples(st.sampled_from([0, 1, 256, 510]), st.sampled_from([0, 3]),
                    st.sampled_from([0, 7, 511]), st.integers(0, 511))
FLAGS = st.sets(st.sampled_from([WRITABLE, USER, NO_EXECUTE])).map(
    lambda s: sum((int(f) for f in s), 0))


@pytest.mark.parametrize("kind", ALLOCATORS, ids=IDS)
@pytest.mark.parametrize("nx", [True, False], ids=["nx", "no-nx"])
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_random_mappings_match_the_model(kind: type, nx: bool, data: st.DataObject) -> None:
    """Also on a CPU without NX, where bit 63 is reserved: entries never
    get it, whatever the caller asks for."""
    m = Machine(kind)
    t = m.tables
    unsupported = 0 if nx else int(NO_EXECUTE)
    t.unsupported_flags = u64(unsupported)
    model: dict[tuple, tuple[int, int]] = {}  # indexes -> frame, flags
    tables: set[tuple] = set()  # prefixes that have a table
    for _ in range(data.draw(st.integers(0, 60))):
        op = data.draw(st.sampled_from(["map", "map", "unmap", "flags", "translate"]))
        idx = data.draw(INDEXES)
        v = page(*idx)
        if op == "map":
            frame = data.draw(st.integers(0, 1 << 20)) * FRAME
            flags = data.draw(FLAGS)
            free_before = int(m.frames.free_frames())
            result = t.map(v, PhysAddr(u64(frame)), u64(flags), m.frames)
            new = {idx[:1], idx[:2], idx[:3]} - tables
            if idx in model:
                assert result == ALREADY_MAPPED
            else:
                assert result == MAPPED
                model[idx] = (frame, flags & ~unsupported)
                tables |= new
                assert free_before - int(m.frames.free_frames()) == len(new)
        elif op == "unmap":
            result = int(t.unmap(v).value)
            assert result == (model.pop(idx)[0] if idx in model else NOT_MAPPED)
        elif op == "flags":
            flags = data.draw(FLAGS)
            assert t.set_flags(v, u64(flags)) == (idx in model)
            if idx in model:
                model[idx] = (model[idx][0], flags & ~unsupported)
        offset = data.draw(st.integers(0, FRAME - 1))
        got = int(t.translate(v.offset(u64(offset))).value)
        assert got == (model[idx][0] + offset if idx in model else NOT_MAPPED)
    for idx, (frame, flags) in model.items():
        v = page(*idx)
        assert t.translate(v).value == frame
        assert t.flags(v) == flags | int(PRESENT)
        assert t.entry(v, u64(1))[0] & unsupported == 0
        if flags & int(USER):
            # Every table on the way lets user code through.
            for level in (4, 3, 2):
                assert t.entry(v, u64(level))[0] & USER


@pytest.mark.parametrize("kind", ALLOCATORS, ids=IDS)
def test_running_out_of_table_frames(kind: type) -> None:
    m = Machine(kind, frames=3)  # the PML4 and two more: not enough for three tables
    result = m.tables.map(page(1, 2, 3, 4), PhysAddr(u64(0x5000)), WRITABLE, m.frames)
    assert result == NO_MEMORY
    assert m.tables.translate(page(1, 2, 3, 4)).value == NOT_MAPPED


def test_huge_pages_translate_and_block_4k_mappings() -> None:
    m = Machine(BitmapFrameAllocator)
    t = m.tables
    assert t.map(page(0, 0, 0, 0), PhysAddr(u64(0x1000)), WRITABLE, m.frames) == MAPPED
    # A 2 MiB page at PD index 5 and a 1 GiB page at PDPT index 9, written by hand.
    t.entry(page(0, 0, 5, 0), u64(2))[0] = u64(0x4000_0000) | PRESENT | WRITABLE | HUGE
    t.entry(page(0, 9, 0, 0), u64(3))[0] = u64(0x8000_0000) | PRESENT | HUGE
    assert t.translate(page(0, 0, 5, 3).offset(u64(0x42))).value == 0x4000_3042
    assert t.translate(page(0, 9, 17, 3)).value == 0x8000_0000 + 17 * (2 << 20) + 3 * FRAME
    assert t.map(page(0, 0, 5, 1), PhysAddr(u64(0x1000)), 0, m.frames) == HUGE_PAGE_IN_THE_WAY
    assert t.unmap(page(0, 0, 5, 1)).value == NOT_MAPPED
    assert t.entry(page(0, 0, 5, 1), u64(1)).addr == 0


def test_recursive_entry_reaches_the_tables() -> None:
    m = Machine(BitmapFrameAllocator)
    t = m.tables
    v = VirtAddr(u64(0xFFFF_8000_1234_5000))
    assert t.map(v, PhysAddr(u64(0x7000)), WRITABLE, m.frames) == MAPPED
    t.map_recursive()
    # Walk by hand to learn the frame of each table on the way to v.
    frames = {4: int(t.root.value)}
    for level in (4, 3, 2):
        frames[level - 1] = int(t.entry(v, u64(level))[0]) & 0x000F_FFFF_FFFF_F000
    for level in (4, 3, 2, 1):
        assert t.translate(recursive_table(v, u64(level))).value == frames[level]
        entry = t.translate(recursive_entry(v, u64(level))).value
        assert entry == frames[level] + 8 * int(v.page_index(u64(level)))
    assert recursive_table(v, u64(4)).value == 0xFFFF_FFFF_FFFF_F000


def tables_on_the_way(t: PageTables, v: VirtAddr) -> dict[int, int]:
    """The frame of each level's table on the MMU's walk to ``v``."""
    frames = {4: int(t.root.value)}
    for level in (4, 3, 2):
        frames[level - 1] = int(t.entry(v, u64(level))[0]) & 0x000F_FFFF_FFFF_F000
    return frames


def test_the_kernel_and_the_recursive_entry_share_slot_511() -> None:
    m = Machine(BitmapFrameAllocator)
    t = m.tables
    # The kernel as the boot code leaves it: in the top 2 GiB (PML4 511,
    # PDPT 510), some 4 KiB pages and a 2 MiB page; and a page elsewhere.
    kernel = [page(511, 510, 0, 3), page(511, 510, 1, 0), page(511, 510, 511, 511)]
    for i, v in enumerate(kernel):
        assert t.map(v, PhysAddr(u64(0x10_0000 + i * FRAME)), WRITABLE, m.frames) == MAPPED
    t.entry(page(511, 510, 9, 0), u64(2))[0] = u64(0x4000_0000) | PRESENT | HUGE
    other = page(256, 1, 2, 3)
    assert t.map(other, PhysAddr(u64(0x9000)), WRITABLE, m.frames) == MAPPED
    probes = [*kernel, page(511, 510, 9, 17).offset(u64(5)), other, page(511, 510, 2, 0)]
    before = [int(t.translate(v).value) for v in probes]
    t.map_recursive()
    assert [int(t.translate(v).value) for v in probes] == before
    root = t.table(t.root.value)
    assert root[511] & 0x000F_FFFF_FFFF_F000 == t.root.value
    assert root[510] & PRESENT
    # Through the recursive entry, the CPU finds every table of a kernel
    # page; the PML4 plays the kernel's PDPT.
    for v in [*kernel, other]:
        frames = tables_on_the_way(t, v)
        if v in kernel:
            assert frames[3] == frames[4]
        for level in (4, 3, 2, 1):
            assert t.translate(recursive_table(v, u64(level))).value == frames[level]
            entry = t.translate(recursive_entry(v, u64(level))).value
            assert entry == frames[level] + 8 * int(v.page_index(u64(level)))
    # Recursive mode refuses the two slots the arrangement uses up, before
    # it touches any table (so this runs on the host).
    recursive = PageTables(t.window, t.root, True)
    for slot in (510, 511):
        assert recursive.map(page(slot, 0, 0, 0), PhysAddr(u64(0x1000)), WRITABLE,
                             m.frames) == RESERVED_BY_RECURSION


def test_map_recursive_refuses_a_crowded_slot_511() -> None:
    m = Machine(BitmapFrameAllocator)
    t = m.tables
    assert t.map(page(511, 3, 0, 0), PhysAddr(u64(0x1000)), WRITABLE, m.frames) == MAPPED
    with pytest.raises(PanicError, match="PDPT entry 3 of slot 511 is in use"):
        t.map_recursive()
    m = Machine(BitmapFrameAllocator)
    t = m.tables
    assert t.map(page(511, 510, 0, 0), PhysAddr(u64(0x1000)), WRITABLE, m.frames) == MAPPED
    assert t.map(page(510, 0, 0, 0), PhysAddr(u64(0x2000)), WRITABLE, m.frames) == MAPPED
    with pytest.raises(PanicError, match="slot 510 is in use"):
        t.map_recursive()


def test_misuse_panics() -> None:
    m = Machine(BitmapFrameAllocator)
    t = m.tables
    with pytest.raises(PanicError, match="4 KiB aligned"):
        t.map(VirtAddr(u64(0x1001)), PhysAddr(u64(0x1000)), 0, m.frames)
    with pytest.raises(PanicError, match="not canonical"):
        t.map(VirtAddr(u64(0x0000_8000_0000_0000)), PhysAddr(u64(0x1000)), 0, m.frames)
    with pytest.raises(PanicError, match="HUGE"):
        t.map(VirtAddr(u64(0x1000)), PhysAddr(u64(0x1000)), HUGE, m.frames)
    with pytest.raises(PanicError, match="outside the physical memory window"):
        PageTables(m.window, PhysAddr(u64(PHYS_BASE + FRAMES * FRAME))).translate(VirtAddr(u64(0)))
