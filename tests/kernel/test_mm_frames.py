"""Both frame allocators, checked against a model (a set of free frames).

Memory is an ``Array[u8, N]`` that plays RAM at a made-up physical base,
reached through a ``PhysWindow`` as the kernel reaches real RAM through
its offset mapping.  Random memory maps (usable regions with holes, some
reserved ranges) and random operation sequences run against both
allocators: every frame handed out must be free in the model and is never
handed out twice, the free count always equals the model's, a frame's
contents survive until it is freed, and every misuse panics.
"""

from __future__ import annotations

import ctypes

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernel.arch.x86_64.layout import PhysWindow
from kernel.mm.addr import PhysAddr, VirtAddr
from kernel.mm.frames import NO_FRAME
from kernel.mm.frames_bitmap import BitmapFrameAllocator
from kernel.mm.frames_list import FREE_TAG, LIST_END, ListFrameAllocator
from pythos.lang import Array, PanicError, addr_of, u8, u64

FRAME = 4096
FRAMES = 96  # frames of fake RAM (384 KiB)
PHYS_BASE = 0x0010_0000  # where the fake RAM pretends to start
ALLOCATORS = [BitmapFrameAllocator, ListFrameAllocator]
IDS = ["bitmap", "list"]


class Machine:
    """Fake RAM, a window over it, and a fresh allocator managing all of it."""

    def __init__(self, kind: type, frames: int = FRAMES) -> None:
        self.ram = Array[u8, frames * FRAME]()
        self.frames = frames
        self.ram_addr = int(addr_of(self.ram).addr)
        # Virtual = window base + physical, so physical PHYS_BASE is ram[0].
        self.window = PhysWindow(u64(self.ram_addr - PHYS_BASE), u64(PHYS_BASE + frames * FRAME))
        self.allocator = kind()
        start, end = self.phys(0), self.phys(frames * FRAME)
        needed = int(self.allocator.storage_needed(start, end))
        self.storage = Array[u64, max(needed // 8, 1)]()
        self.allocator.init(self.window, start, end, VirtAddr(addr_of(self.storage).addr),
                            u64(needed))

    @staticmethod
    def phys(offset: int) -> PhysAddr:
        return PhysAddr(u64(PHYS_BASE + offset))

    def fill(self, frame: int, value: int) -> None:
        ctypes.memset(self.ram_addr + frame - PHYS_BASE, value, FRAME)

    def holds(self, frame: int, value: int) -> bool:
        return ctypes.string_at(self.ram_addr + frame - PHYS_BASE, FRAME) == bytes([value]) * FRAME


def frame_sets(draw: st.DrawFn) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Disjoint usable regions (byte offsets, maybe unaligned) and reserved ranges."""
    cuts = sorted(draw(st.sets(st.integers(0, FRAMES * FRAME), min_size=2, max_size=10)))
    regions = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
    reserved = draw(st.lists(st.tuples(st.integers(0, FRAMES * FRAME),
                                       st.integers(1, 5 * FRAME)), max_size=3))
    return regions, [(a, a + n) for a, n in reserved]


def model_frames(regions: list[tuple[int, int]], reserved: list[tuple[int, int]]) -> set[int]:
    free = set()
    for a, b in regions:
        first = -(-a // FRAME) * FRAME
        for f in range(first, b - FRAME + 1, FRAME):
            free.add(PHYS_BASE + f)
    for a, b in reserved:
        first = a // FRAME * FRAME
        for f in range(first, b, FRAME):
            free.discard(PHYS_BASE + f)
    return free


@pytest.mark.parametrize("kind", ALLOCATORS, ids=IDS)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_random_operations_match_the_model(kind: type, data: st.DataObject) -> None:
    m = Machine(kind)
    a = m.allocator
    regions, reserved = data.draw(st.composite(frame_sets)())
    for start, end in regions:
        a.add_region(m.phys(start), m.phys(end))
    for start, end in reserved:
        a.mark_used(m.phys(start), m.phys(end))
    free = model_frames(regions, reserved)
    managed = model_frames(regions, [])
    assert a.free_frames() == len(free)
    assert a.managed_frames() == len(managed)
    live: dict[int, int] = {}  # frame -> the byte it was filled with
    handed_out: set[int] = set()
    for step in range(data.draw(st.integers(0, 150))):
        op = data.draw(st.sampled_from(["alloc", "alloc", "free", "mark", "check"]))
        if op == "alloc":
            frame = int(a.allocate().value)
            if not free:
                assert frame == NO_FRAME
                continue
            assert frame in free, f"{frame:#x} was not free"
            assert frame not in live
            free.remove(frame)
            handed_out.add(frame)
            live[frame] = step % 251 + 1
            m.fill(frame, live[frame])
        elif op == "free" and live:
            frame = data.draw(st.sampled_from(sorted(live)))
            assert m.holds(frame, live.pop(frame)), "a used frame's contents changed"
            a.free(PhysAddr(u64(frame)))
            free.add(frame)
        elif op == "mark":
            start = data.draw(st.integers(0, FRAMES * FRAME - 1))
            end = start + data.draw(st.integers(1, 3 * FRAME))
            a.mark_used(m.phys(start), m.phys(end))
            for f in range(start // FRAME * FRAME, end, FRAME):
                free.discard(PHYS_BASE + f)
        elif op == "check":
            frame = PHYS_BASE + data.draw(st.integers(0, FRAMES - 1)) * FRAME
            assert bool(a.is_free(PhysAddr(u64(frame)))) == (frame in free)
        assert a.free_frames() == len(free)
    for frame, value in live.items():
        assert m.holds(frame, value)
        a.free(PhysAddr(u64(frame)))
        free.add(frame)
    assert a.free_frames() == len(free)
    # Draining the allocator gives back exactly the model's free frames, once each.
    drained = []
    while True:
        frame = int(a.allocate().value)
        if frame == NO_FRAME:
            break
        drained.append(frame)
    assert sorted(drained) == sorted(free)
    assert a.free_frames() == 0


@pytest.mark.parametrize("kind", ALLOCATORS, ids=IDS)
def test_exhaustion_and_reuse(kind: type) -> None:
    m = Machine(kind)
    a = m.allocator
    a.add_region(m.phys(0), m.phys(FRAMES * FRAME))
    frames = [int(a.allocate().value) for _ in range(FRAMES)]
    assert len(set(frames)) == FRAMES
    assert all(PHYS_BASE <= f < PHYS_BASE + FRAMES * FRAME and f % FRAME == 0 for f in frames)
    assert a.allocate().value == NO_FRAME
    a.free(PhysAddr(u64(frames[10])))
    assert a.allocate().value == frames[10]
    assert a.allocate().value == NO_FRAME


@pytest.mark.parametrize("kind", ALLOCATORS, ids=IDS)
def test_allocation_starts_low(kind: type) -> None:
    m = Machine(kind)
    a = m.allocator
    a.add_region(m.phys(0), m.phys(16 * FRAME))
    assert [int(a.allocate().value) - PHYS_BASE for _ in range(3)] == [0, FRAME, 2 * FRAME]


@pytest.mark.parametrize("kind", ALLOCATORS, ids=IDS)
def test_double_free_panics(kind: type) -> None:
    m = Machine(kind)
    a = m.allocator
    a.add_region(m.phys(0), m.phys(8 * FRAME))
    frame = a.allocate()
    a.free(frame)
    with pytest.raises(PanicError, match="double free of frame 0x100000"):
        a.free(frame)
    # A frame that is still free was never handed out: freeing it is a double free too.
    with pytest.raises(PanicError, match="double free"):
        a.free(m.phys(5 * FRAME))


@pytest.mark.parametrize("kind", ALLOCATORS, ids=IDS)
def test_freeing_unmanaged_frames_panics(kind: type) -> None:
    m = Machine(kind)
    a = m.allocator
    a.add_region(m.phys(0), m.phys(4 * FRAME))
    a.add_region(m.phys(8 * FRAME), m.phys(12 * FRAME))
    with pytest.raises(PanicError, match="does not manage"):
        a.free(m.phys(5 * FRAME))  # a hole in the memory map
    with pytest.raises(PanicError, match="does not manage"):
        a.free(m.phys(40 * FRAME))  # past every region
    with pytest.raises(PanicError, match="not the start of a frame"):
        a.free(m.phys(FRAME + 8))


@pytest.mark.parametrize("kind", ALLOCATORS, ids=IDS)
def test_freeing_a_marked_frame_is_allowed(kind: type) -> None:
    m = Machine(kind)
    a = m.allocator
    a.add_region(m.phys(0), m.phys(8 * FRAME))
    a.mark_used(m.phys(2 * FRAME), m.phys(3 * FRAME + 1))  # frames 2 and 3
    assert a.free_frames() == 6
    assert not a.is_free(m.phys(3 * FRAME))
    a.free(m.phys(3 * FRAME))  # the boot code giving reserved memory back
    assert a.free_frames() == 7 and a.is_free(m.phys(3 * FRAME))


@pytest.mark.parametrize("kind", ALLOCATORS, ids=IDS)
def test_overlapping_regions_panic(kind: type) -> None:
    m = Machine(kind)
    a = m.allocator
    a.add_region(m.phys(0), m.phys(8 * FRAME))
    a.add_region(m.phys(8 * FRAME), m.phys(10 * FRAME))  # touching is fine
    with pytest.raises(PanicError, match="overlaps"):
        a.add_region(m.phys(9 * FRAME), m.phys(12 * FRAME))


@pytest.mark.parametrize("kind", ALLOCATORS, ids=IDS)
def test_regions_outside_the_window_panic(kind: type) -> None:
    m = Machine(kind)
    window = PhysWindow(m.window.base, u64(PHYS_BASE + 4 * FRAME))
    m.allocator.window = window
    with pytest.raises(PanicError, match="outside the physical memory window"):
        m.allocator.add_region(m.phys(0), m.phys(8 * FRAME))


def test_the_list_ends_in_the_sentinel() -> None:
    m = Machine(ListFrameAllocator)
    a = m.allocator
    a.add_region(m.phys(0), m.phys(3 * FRAME))
    first = ctypes.c_uint64.from_address(m.ram_addr)
    assert first.value == PHYS_BASE + FRAME  # frame 0 links to frame 1
    last = ctypes.c_uint64.from_address(m.ram_addr + 2 * FRAME)
    assert last.value == LIST_END == 0xDEADBEEFDEADBEEF
    tag = ctypes.c_uint64.from_address(m.ram_addr + 2 * FRAME + 8)
    assert tag.value == FREE_TAG ^ (PHYS_BASE + 2 * FRAME)


def test_the_list_catches_a_write_to_a_free_frame() -> None:
    m = Machine(ListFrameAllocator)
    a = m.allocator
    a.add_region(m.phys(0), m.phys(3 * FRAME))
    m.fill(PHYS_BASE, 0x41)  # a stray write (use after free) into the head frame
    with pytest.raises(PanicError, match="was written while it was free"):
        a.allocate()


def test_the_list_catches_a_corrupted_link() -> None:
    m = Machine(ListFrameAllocator)
    a = m.allocator
    a.add_region(m.phys(0), m.phys(3 * FRAME))
    ctypes.c_uint64.from_address(m.ram_addr).value = 0x1234
    with pytest.raises(PanicError, match="list corrupted"):
        a.allocate()


def test_the_list_tells_a_lookalike_from_a_double_free() -> None:
    m = Machine(ListFrameAllocator)
    a = m.allocator
    a.add_region(m.phys(0), m.phys(3 * FRAME))
    frame = int(a.allocate().value)
    # The frame's user happens to store the tag word: not a double free.
    ctypes.c_uint64.from_address(m.ram_addr + frame - PHYS_BASE + 8).value = FREE_TAG ^ frame
    a.free(PhysAddr(u64(frame)))
    assert a.free_frames() == 3


def test_the_bitmap_needs_enough_storage() -> None:
    a = BitmapFrameAllocator()
    m = Machine(BitmapFrameAllocator)
    with pytest.raises(PanicError, match="needs 16 bytes"):
        a.init(m.window, m.phys(0), m.phys(FRAMES * FRAME), VirtAddr(addr_of(m.storage).addr),
               u64(8))


def test_the_bitmap_sizes_itself_by_the_range() -> None:
    a = BitmapFrameAllocator()
    one_gib = a.storage_needed(PhysAddr(u64(0)), PhysAddr(u64(1 << 30)))
    assert one_gib == 32 * 1024
    assert a.storage_needed(PhysAddr(u64(0)), PhysAddr(u64(65 * FRAME))) == 16
