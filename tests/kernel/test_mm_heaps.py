"""The four heap allocators, checked against a model of live allocations.

An ``Array[u8, N]`` stands in for the kernel heap's memory.  Random
operation sequences (allocate with a random size and alignment, free a
random live allocation, grow the heap) run against every design, and
after each step the model checks that live allocations lie inside the
heap, keep their alignment, never overlap, and still hold the pattern
written into them; that the statistics add up; and that freeing
everything gives every byte back (merged into one region for the list
allocator, into one max-order block for the buddy allocator).  The
scenarios from the issue (short-lived allocations reusing memory, a
long-lived allocation among them, a large allocation after many small
ones) run on every design; the bump allocator is expected to fail the
ones that need reuse while something is still live.
"""

from __future__ import annotations

import bisect
import ctypes

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernel.mm.heap_buddy import ORDER_COUNT, BuddyHeap
from kernel.mm.heap_bump import BumpHeap
from kernel.mm.heap_fixed import FixedHeap
from kernel.mm.heap_list import ListHeap, block_at
from pythos.lang import Array, PanicError, addr_of, u8, u64

MEMORY = 1 << 16  # bytes of fake memory the heap may grow into
START_SIZE = 1 << 14  # the heap's size before any grow
PAGE = 4096
HEAPS = [BumpHeap, ListHeap, FixedHeap, BuddyHeap]
IDS = ["bump", "list", "fixed", "buddy"]


class Arena:
    """Fake memory, a heap over its first ``size`` bytes, and a model of it."""

    def __init__(self, kind: type, size: int = START_SIZE) -> None:
        self.memory = Array[u8, MEMORY + PAGE]()
        # Page-aligned like the kernel heap, so alignments up to a page work.
        self.start = (int(addr_of(self.memory).addr) + PAGE - 1) // PAGE * PAGE
        self.size = size
        self.heap = kind()
        self.heap.init(u64(self.start), u64(size))
        self.live: dict[int, tuple[int, int, int]] = {}  # addr -> size, align, fill byte
        self.starts: list[int] = []  # sorted live addresses
        self.serial = 0

    @property
    def end(self) -> int:
        return self.start + self.size

    def alloc(self, size: int, align: int) -> int:
        addr = int(self.heap.alloc(u64(size), u64(align)))
        if addr == 0:
            return 0
        assert addr % align == 0, f"{addr:#x} is not aligned to {align}"
        assert self.start <= addr and addr + size <= self.end, "allocation outside the heap"
        i = bisect.bisect(self.starts, addr)
        if i > 0:
            before = self.starts[i - 1]
            assert before + max(self.live[before][0], 1) <= addr, "overlaps the one before"
        if i < len(self.starts):
            assert addr + max(size, 1) <= self.starts[i], "overlaps the one after"
        self.serial += 1
        fill = self.serial % 255 + 1
        ctypes.memset(addr, fill, size)
        self.live[addr] = (size, align, fill)
        self.starts.insert(i, addr)
        return addr

    def free(self, addr: int) -> None:
        size, align, fill = self.live.pop(addr)
        self.starts.remove(addr)
        assert ctypes.string_at(addr, size) == bytes([fill]) * size, "contents changed"
        self.heap.free(u64(addr), u64(size), u64(align))

    def resize(self, addr: int, new_size: int) -> bool:
        """Resize in place; when the design can, the allocation keeps its
        contents and stays clear of its neighbours, and is refilled."""
        size, align, fill = self.live[addr]
        if not self.heap.resize(u64(addr), u64(size), u64(new_size), u64(align)):
            assert ctypes.string_at(addr, size) == bytes([fill]) * size, "contents changed"
            return False
        keep = min(size, new_size)
        assert ctypes.string_at(addr, keep) == bytes([fill]) * keep, "contents changed"
        assert addr + new_size <= self.end, "resized past the heap"
        i = self.starts.index(addr)
        if i + 1 < len(self.starts):
            assert addr + max(new_size, 1) <= self.starts[i + 1], "grew over the one after"
        ctypes.memset(addr, fill, new_size)
        self.live[addr] = (new_size, align, fill)
        return True

    def grow(self, extra: int) -> None:
        self.heap.grow(u64(extra))
        self.size += extra

    def check_stats(self) -> None:
        s = self.heap.stats
        used = sum(max(size, 1) for size, _, _ in self.live.values())
        assert s.bytes_used == used
        assert s.peak_used >= used
        assert s.heap_size == self.size
        assert s.alloc_count - s.free_count == len(self.live)
        assert s.bytes_used + s.bytes_free <= s.heap_size
        assert (s.free_regions == 0) == (s.bytes_free == 0)

    def free_everything(self) -> None:
        for addr in list(self.live):
            self.free(addr)
        s = self.heap.stats
        assert s.bytes_used == 0
        assert s.bytes_free == s.heap_size, "some bytes were not given back"


def list_heap_fits(heap: ListHeap, size: int, align: int) -> bool:
    """Whether some free block of a list heap could hold the request."""
    need = max((size + 15) // 16 * 16, 16)
    align = max(align, 16)
    current = int(heap.head)
    while current:
        block = block_at(u64(current))[0]
        aligned = (current + align - 1) // align * align
        if aligned + need <= current + int(block.size):
            return True
        current = int(block.next)
    return False


SIZES = st.one_of(st.integers(0, 64), st.integers(65, 600), st.integers(601, 5000))
ALIGNS = st.sampled_from([1, 2, 4, 8, 16, 32, 64, 256, 4096])


@pytest.mark.parametrize("kind", HEAPS, ids=IDS)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_random_operations_keep_allocations_apart(kind: type, data: st.DataObject) -> None:
    arena = Arena(kind)
    for _ in range(data.draw(st.integers(0, 120))):
        op = data.draw(st.sampled_from(["alloc", "alloc", "alloc", "free", "free", "grow",
                                        "resize"]))
        if op == "alloc":
            size, align = data.draw(SIZES), data.draw(ALIGNS)
            addr = arena.alloc(size, align)
            if addr == 0 and kind is ListHeap:
                assert not list_heap_fits(arena.heap, size, align), "first fit missed a block"
            if addr == 0 and kind is BuddyHeap:
                order = max(max(size, align, 16) - 1, 1).bit_length() - 4
                largest = arena.heap.largest_free_order()
                # ORDER_COUNT means no block at all is free: a full heap.
                assert largest == ORDER_COUNT or largest < order or order > 20
        elif op == "free" and arena.live:
            arena.free(data.draw(st.sampled_from(sorted(arena.live))))
        elif op == "grow" and arena.size + PAGE <= MEMORY:
            arena.grow(PAGE)
        elif op == "resize" and arena.live:
            arena.resize(data.draw(st.sampled_from(sorted(arena.live))), data.draw(SIZES))
        arena.check_stats()
    arena.free_everything()
    s = arena.heap.stats
    if kind is ListHeap or kind is BumpHeap:
        assert s.free_regions == 1, "free neighbours were not merged"
    if kind is BuddyHeap:
        # The heap size is a sum of whole pages: one block per set bit.
        assert s.free_regions == bin(arena.size).count("1")
        assert 16 << int(arena.heap.largest_free_order()) == 1 << (arena.size.bit_length() - 1)


@pytest.mark.parametrize("kind", HEAPS, ids=IDS)
def test_freeing_everything_restores_one_region(kind: type) -> None:
    arena = Arena(kind)
    for size in range(1, 200, 7):
        assert arena.alloc(size, 8)
    arena.free_everything()
    s = arena.heap.stats
    assert s.peak_used == sum(range(1, 200, 7))
    if kind is not FixedHeap:
        assert s.free_regions == 1
    else:
        # Freed small blocks stay in their class lists until a reclaim.
        assert s.free_regions > 1
        assert arena.heap.reclaim()
        assert s.free_regions == 1


@pytest.mark.parametrize("kind", HEAPS, ids=IDS)
def test_many_short_lived_allocations_in_a_loop(kind: type) -> None:
    """Allocate and free at once, far more than the heap holds (bump resets each time)."""
    arena = Arena(kind)
    for i in range(1000):
        addr = arena.alloc(100 + i % 50, 8)
        assert addr, f"allocation {i} failed"
        arena.free(addr)
    assert arena.heap.stats.alloc_count == 1000


def expected_to_fail_for_bump(kind: type) -> list:
    return [pytest.mark.xfail(reason="a bump heap cannot reuse memory while anything is live",
                              strict=True, raises=AssertionError)] if kind is BumpHeap else []


CASES = [pytest.param(kind, id=name, marks=expected_to_fail_for_bump(kind))
         for kind, name in zip(HEAPS, IDS, strict=True)]


@pytest.mark.parametrize("kind", CASES)
def test_short_lived_allocations_reuse_memory(kind: type) -> None:
    """Each allocation lives until the next one is made: many times the heap's size in total."""
    arena = Arena(kind)
    previous = arena.alloc(200, 8)
    for i in range(1000):
        addr = arena.alloc(200 + i % 40, 8)
        assert addr, f"allocation {i} failed: freed memory was not reused"
        arena.free(previous)
        previous = addr
    arena.free_everything()


@pytest.mark.parametrize("kind", CASES)
def test_long_lived_allocation_among_short_ones(kind: type) -> None:
    arena = Arena(kind)
    long_lived = arena.alloc(64, 8)
    for i in range(1000):
        addr = arena.alloc(256, 16)
        assert addr, f"allocation {i} failed: freed memory was not reused"
        arena.free(addr)
    arena.free(long_lived)  # checks its contents survived
    arena.free_everything()


@pytest.mark.parametrize("kind", HEAPS, ids=IDS)
def test_large_allocation_after_many_small_ones(kind: type) -> None:
    """Fill most of the heap with small blocks, free them, then ask for half the heap."""
    arena = Arena(kind)
    small = []
    while arena.heap.stats.bytes_free > START_SIZE // 8:
        addr = arena.alloc(24, 8)
        if not addr:
            break
        small.append(addr)
    assert len(small) > 100
    for addr in small[::2] + small[1::2]:  # out of order, so merging does real work
        arena.free(addr)
    big = arena.alloc(START_SIZE // 2, 16)
    assert big, "freed neighbours were not merged into a large block"
    arena.free_everything()


@pytest.mark.parametrize("kind", HEAPS, ids=IDS)
def test_exhaustion_returns_zero_and_grow_helps(kind: type) -> None:
    arena = Arena(kind, PAGE)
    assert arena.alloc(3 * PAGE, 16) == 0
    assert arena.heap.stats.failed_count == 1
    arena.grow(3 * PAGE)
    addr = arena.alloc(2 * PAGE, 16)
    assert addr
    arena.free(addr)
    arena.free_everything()


@pytest.mark.parametrize("kind", HEAPS, ids=IDS)
def test_resize_in_place(kind: type) -> None:
    """What each design can resize without moving (kernel.mm.heap.realloc moves the rest)."""
    arena = Arena(kind)
    a = arena.alloc(40, 8)
    b = arena.alloc(40, 8)
    # Within the size class, order or granule (48 bytes) every design manages,
    # except bump, which can only grow its newest allocation.
    assert arena.resize(a, 44) == (kind is not BumpHeap)
    assert arena.resize(b, 48)
    # Shrinking is always possible for bump and list; the classes and
    # orders of the others would change (64 -> 32 bytes).
    assert arena.resize(a, 20) == (kind in (BumpHeap, ListHeap))
    # Growing far past the block: only where free space follows it.
    c = arena.alloc(1000, 16)
    grew = arena.resize(c, 3000)
    assert grew == (kind in (BumpHeap, ListHeap))
    arena.check_stats()
    arena.free_everything()


def test_list_heap_grows_into_the_free_block_after() -> None:
    arena = Arena(ListHeap)
    a = arena.alloc(64, 16)
    b = arena.alloc(64, 16)
    c = arena.alloc(64, 16)
    assert not arena.resize(a, 100), "b is in the way"
    arena.free(b)
    assert arena.resize(a, 128), "b's block is free now"
    assert not arena.resize(a, 129), "c is in the way again"
    regions = arena.heap.stats.free_regions
    assert arena.resize(a, 32)  # the tail is freed and stands alone
    assert arena.heap.stats.free_regions == regions + 1
    arena.free(c)
    arena.free_everything()
    assert arena.heap.stats.free_regions == 1


@pytest.mark.parametrize("kind", HEAPS, ids=IDS)
def test_bad_alignment_panics(kind: type) -> None:
    arena = Arena(kind)
    with pytest.raises(PanicError, match="not a power of two"):
        arena.heap.alloc(u64(8), u64(24))


@pytest.mark.parametrize("kind", [ListHeap, BuddyHeap], ids=["list", "buddy"])
def test_double_free_panics(kind: type) -> None:
    arena = Arena(kind)
    a = arena.alloc(48, 16)
    arena.alloc(48, 16)
    arena.free(a)
    with pytest.raises(PanicError, match="double free"):
        arena.heap.free(u64(a), u64(48), u64(16))


@pytest.mark.parametrize("kind", HEAPS, ids=IDS)
def test_freeing_outside_the_heap_panics(kind: type) -> None:
    arena = Arena(kind)
    arena.alloc(32, 16)
    with pytest.raises(PanicError):
        arena.heap.free(u64(arena.start + MEMORY), u64(32), u64(16))


def test_list_heap_splits_alignment_padding_off() -> None:
    arena = Arena(ListHeap)
    a = arena.alloc(16, 16)
    b = arena.alloc(100, 256)
    assert a == arena.start and b == arena.start + 256
    s = arena.heap.stats
    assert s.free_regions == 2  # the padding between a and b, and the rest
    assert arena.alloc(32, 16) == arena.start + 16  # first fit finds the padding
    arena.free_everything()
    assert s.free_regions == 1


def test_list_heap_grow_merges_with_the_last_block() -> None:
    arena = Arena(ListHeap)
    arena.grow(PAGE)
    assert arena.heap.stats.free_regions == 1
    assert arena.heap.largest_free() == START_SIZE + PAGE


def test_fixed_heap_serves_small_sizes_from_classes() -> None:
    arena = Arena(FixedHeap)
    a = arena.alloc(20, 8)  # class 32
    arena.free(a)
    assert arena.heap.cached_in_class(u64(2)) == 256 // 32
    assert arena.alloc(30, 1) == a  # the block just freed comes back first
    b = arena.alloc(5, 1)
    c = arena.alloc(5, 1)
    assert c - b == 8  # the 8-byte class really is 8 bytes
    assert arena.alloc(3000, 16) % 16 == 0  # above 2048: the fallback
    arena.free_everything()


def test_fixed_heap_reclaims_cached_blocks_under_pressure() -> None:
    arena = Arena(FixedHeap, PAGE)
    small = [arena.alloc(8, 8) for _ in range(PAGE // 8)]
    assert all(small) and arena.alloc(8, 8) == 0
    for addr in small:
        arena.free(addr)
    assert arena.heap.stats.free_regions == PAGE // 8  # every block cached on its own
    assert arena.alloc(PAGE, 16) == arena.start  # reclaim merged them all
    arena.free_everything()


def test_buddy_splits_and_rejoins() -> None:
    arena = Arena(BuddyHeap)  # 16 KiB = order 10
    heap = arena.heap
    assert heap.largest_free_order() == 10 and heap.stats.free_regions == 1
    a = arena.alloc(16, 16)
    # 16 KiB split down to 16 bytes: one free block at each order 0..9.
    assert [int(heap.free_blocks(u64(k))) for k in range(11)] == [1] * 10 + [0]
    b = arena.alloc(100, 1)  # order 3 (128 bytes)
    assert b - arena.start == 128
    arena.free(a)
    arena.free(b)
    assert heap.largest_free_order() == 10 and heap.stats.free_regions == 1


def test_buddy_rounds_up_to_powers_of_two() -> None:
    arena = Arena(BuddyHeap)
    arena.alloc(1025, 1)
    s = arena.heap.stats
    assert s.bytes_free == START_SIZE - 2048  # 1025 bytes took a 2 KiB block
    arena.free_everything()


def test_bump_heap_resets_only_when_everything_is_freed() -> None:
    arena = Arena(BumpHeap)
    a = arena.alloc(100, 8)
    b = arena.alloc(100, 8)
    arena.free(a)
    assert arena.alloc(10, 1) == b + 100  # a's memory is not reused
    arena.free_everything()
    assert arena.alloc(10, 1) == arena.start
