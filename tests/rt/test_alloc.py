"""The object allocator (pythos/rt/alloc.py) under CPython, against a model.

The allocator runs unchanged on the host, over ``simplatform`` (a list
heap in an ``Array``) installed as ``pythos.rt.platform``.  Random
sequences of allocations, frees and reallocations of small and large
sizes are checked after every step: each object is 8-byte aligned (16
if its size is a multiple of 16), lies
inside memory the allocator holds from the platform, overlaps no other
live object and still holds the bytes written into all of it; the
statistics are exact (bytes in use, live objects, peak, footprint and
footprint at the peak, from the platform's own record); and when
everything is freed, nothing is live and only the runs that are current
for their class are still held.
"""

from __future__ import annotations

import bisect
import ctypes
import importlib
import sys
from collections.abc import Iterator
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pythos.lang import PanicError, u64
from tests.rt import simplatform

SMALL_LIMIT = 1024


@pytest.fixture
def alloc() -> Iterator[ModuleType]:
    """A fresh ``pythos.rt.alloc`` on a fresh simulated platform."""
    yield fresh_allocator()
    sys.modules.pop("pythos.rt.alloc", None)
    sys.modules.pop("pythos.rt.platform", None)


@pytest.fixture
def paged_alloc() -> Iterator[ModuleType]:
    """The allocator on a platform whose granule is a page, as Linux's."""
    yield fresh_allocator(granule=4096)
    sys.modules.pop("pythos.rt.alloc", None)
    sys.modules.pop("pythos.rt.platform", None)
    simplatform.PLATFORM_GRANULE = u64(16)


def fresh_allocator(granule: int = 16) -> ModuleType:
    simplatform.reset()
    simplatform.PLATFORM_GRANULE = u64(granule)
    sys.modules["pythos.rt.platform"] = simplatform
    module = sys.modules.get("pythos.rt.alloc")
    if module is None:
        return importlib.import_module("pythos.rt.alloc")
    return importlib.reload(module)


class Model:
    """Live objects, the bytes written into them, and the expected statistics."""

    def __init__(self, alloc: ModuleType) -> None:
        self.alloc = alloc
        self.live: dict[int, tuple[int, int]] = {}  # address -> size, fill byte
        self.starts: list[int] = []
        self.serial = 0
        self.peak = 0
        self.footprint_at_peak = 0

    @property
    def in_use(self) -> int:
        return sum(size for size, _ in self.live.values())

    def fill(self, addr: int, size: int) -> int:
        self.serial += 1
        byte = self.serial & 0xFF
        ctypes.memset(addr, byte, size)
        return byte

    def add(self, addr: int, size: int) -> None:
        assert addr != 0 and addr % 8 == 0, f"{addr:#x} is not 8-byte aligned"
        assert size % 16 != 0 or addr % 16 == 0, f"{addr:#x} for {size} bytes is not 16-aligned"
        self.check_free_space(addr, size)
        self.live[addr] = (size, self.fill(addr, size))
        bisect.insort(self.starts, addr)
        self.note_peak(self.in_use, simplatform.held_bytes(simplatform.current.blocks))

    def note_peak(self, in_use: int, footprint: int) -> None:
        if in_use > self.peak:
            self.peak = in_use
            self.footprint_at_peak = footprint

    def check_free_space(self, addr: int, size: int) -> None:
        index = bisect.bisect_left(self.starts, addr)
        if index > 0:
            before = self.starts[index - 1]
            assert before + max(self.live[before][0], 1) <= addr, "overlaps the object before"
        if index < len(self.starts):
            assert addr + max(size, 1) <= self.starts[index], "overlaps the object after"
        inside = [start for start, (length, _) in simplatform.current.blocks.items()
                  if start <= addr and addr + size <= start + length]
        assert inside, f"{addr:#x} is not in memory the allocator holds"

    def remove(self, addr: int) -> int:
        size, byte = self.live.pop(addr)
        self.starts.remove(addr)
        assert ctypes.string_at(addr, size) == bytes([byte]) * size, "contents changed"
        return size

    def check_stats(self) -> None:
        stats = self.alloc.obj_stats()
        assert int(stats.in_use) == self.in_use
        assert int(stats.live) == len(self.live)
        assert int(stats.peak) == self.peak
        assert int(stats.footprint) == simplatform.held_bytes(simplatform.current.blocks)
        assert int(stats.footprint_at_peak) == self.footprint_at_peak
        assert int(stats.large) == sum(1 for size, _ in self.live.values() if size > SMALL_LIMIT)


sizes = st.one_of(st.integers(0, 64), st.integers(0, SMALL_LIMIT), st.integers(1000, 5000))
operations = st.lists(st.one_of(
    st.tuples(st.just("alloc"), sizes),
    st.tuples(st.just("free"), st.integers(0, 1 << 30)),
    st.tuples(st.just("realloc"), st.integers(0, 1 << 30), sizes),
    # Enough objects of one size to fill runs, and frees of every k-th
    # object, so that runs become full, partial and empty.
    st.tuples(st.just("burst"), st.integers(0, 300), st.integers(1, 400)),
    st.tuples(st.just("drop"), st.integers(0, 7), st.integers(1, 4)),
), max_size=60)


def run(alloc: ModuleType, ops: list[tuple]) -> Model:
    model = Model(alloc)
    for op in ops:
        if op[0] == "alloc":
            model.add(int(alloc.obj_alloc(u64(op[1]))), op[1])
        elif op[0] == "burst":
            for _ in range(op[2]):
                model.add(int(alloc.obj_alloc(u64(op[1]))), op[1])
        elif op[0] == "drop":
            for addr in sorted(model.live)[op[1]::op[2]]:
                alloc.obj_free(u64(addr), u64(model.remove(addr)))
        elif model.live:
            addr = sorted(model.live)[op[1] % len(model.live)]
            if op[0] == "free":
                alloc.obj_free(u64(addr), u64(model.remove(addr)))
            else:
                size, byte = model.live[addr]
                new_size = op[2]
                held_before = dict(simplatform.current.blocks)
                moved = int(alloc.obj_realloc(u64(addr), u64(size), u64(new_size)))
                if moved != addr:
                    # Both were live between the allocation and the free.
                    taken = {a: b for a, b in simplatform.current.blocks.items()
                             if a not in held_before}
                    model.note_peak(model.in_use + new_size,
                                    simplatform.held_bytes(held_before)
                                    + simplatform.held_bytes(taken))
                keep = min(size, new_size)
                assert ctypes.string_at(moved, keep) == bytes([byte]) * keep, "realloc lost bytes"
                del model.live[addr]
                model.starts.remove(addr)
                model.add(moved, new_size)
        model.check_stats()
    return model


def spares(alloc: ModuleType, size_class: int) -> list[int]:
    """The empty runs a class keeps, in the order it will reuse them."""
    runs = []
    run = int(alloc.spare[size_class])
    while run != 0:
        runs.append(run)
        run = int(alloc.header(u64(run))[0].next)
    return runs


def large_spares(alloc: ModuleType, granules: int) -> list[int]:
    """The freed large blocks of ``granules`` platform granules kept for reuse."""
    blocks = []
    block = int(alloc.large_spare[granules - 1])
    while block != 0:
        blocks.append(block)
        block = int(alloc.link(u64(block))[0])
    return blocks


@pytest.mark.parametrize("granule", [16, 4096])
@settings(max_examples=150, deadline=None)
@given(ops=operations)
def test_random_operations(granule: int, ops: list[tuple]) -> None:
    alloc = fresh_allocator(granule)
    try:
        model = run(alloc, ops)
        for addr in sorted(model.live):
            alloc.obj_free(u64(addr), u64(model.remove(addr)))
            model.check_stats()
        stats = alloc.obj_stats()
        assert int(stats.in_use) == 0 and int(stats.live) == 0 and int(stats.large) == 0
        # What is still held is, per class that was used, its current run
        # and its spares, and the large spares.
        held = [int(run) for c in range(28) for run in (alloc.current[c], *spares(alloc, c))
                if int(run) != 0]
        kept = [block for g in range(1, 17) for block in large_spares(alloc, g)]
        if granule == 16:
            assert not kept  # the kernel's heap: every large block goes back
        assert sorted(held + kept) == sorted(simplatform.current.blocks)
        assert int(alloc.spare_bytes) == sum(
            int(alloc.run_size(u64(c))) * len(spares(alloc, c)) for c in range(28)) + sum(
            g * granule * len(large_spares(alloc, g)) for g in range(1, 17))
        assert all(int(alloc.partial[c]) == 0 for c in range(28))
        alloc.obj_trim()
        assert not simplatform.current.blocks and int(alloc.obj_stats().footprint) == 0
    finally:
        simplatform.PLATFORM_GRANULE = u64(16)


def test_a_freed_large_block_serves_the_next_of_its_page_count(paged_alloc: ModuleType
                                                               ) -> None:
    """On Linux a large block is an mmap: freeing one and asking for
    another of as many pages (a list buffer regrown each round) reuses it
    instead of a munmap and a new mmap with its page faults."""
    alloc = paged_alloc
    first = int(alloc.obj_alloc(u64(5000)))  # two pages
    asked = simplatform.current.allocations
    alloc.obj_free(u64(first), u64(5000))
    assert list(simplatform.current.blocks) == [first]  # kept, not unmapped
    assert int(alloc.obj_stats().footprint) == 8192 and int(alloc.obj_stats().large) == 0
    again = int(alloc.obj_alloc(u64(7000)))  # another size of two pages
    assert again == first and simplatform.current.allocations == asked
    assert int(alloc.obj_stats().large) == 1 and int(alloc.spare_bytes) == 0
    other = int(alloc.obj_alloc(u64(9000)))  # three pages: a new block
    assert other != first and simplatform.current.allocations == asked + 1
    alloc.obj_free(u64(again), u64(7000))
    alloc.obj_free(u64(other), u64(9000))
    assert large_spares(alloc, 2) == [first] and large_spares(alloc, 3) == [other]
    assert int(alloc.obj_trim()) == 5 * 4096
    assert not simplatform.current.blocks and int(alloc.obj_stats().footprint) == 0


def test_large_spares_are_bounded(paged_alloc: ModuleType) -> None:
    """Beyond the live bytes and the slack, a freed large block goes back."""
    alloc = paged_alloc
    slack = int(alloc.LARGE_SPARE_SLACK)
    count = slack // 4096 + 8
    blocks = [int(alloc.obj_alloc(u64(4000))) for _ in range(count)]
    for addr in blocks:
        alloc.obj_free(u64(addr), u64(4000))
    # Each free keeps the block while the spares stay within what is
    # still live plus the slack (the first always).
    in_use, spare_bytes = 4000 * count, 0
    for _ in blocks:
        in_use -= 4000
        if spare_bytes == 0 or spare_bytes + 4096 <= in_use + slack:
            spare_bytes += 4096
    kept = large_spares(alloc, 1)
    assert len(kept) == spare_bytes // 4096 < count
    assert sorted(simplatform.current.blocks) == sorted(kept)
    assert int(alloc.obj_stats().footprint) == spare_bytes == int(alloc.spare_bytes)


def test_the_kernel_heap_keeps_no_large_spares(alloc: ModuleType) -> None:
    """With the kernel heap's 16-byte granule a large block goes straight back."""
    addr = alloc.obj_alloc(u64(5000))
    alloc.obj_free(addr, u64(5000))
    assert not simplatform.current.blocks and int(alloc.obj_stats().footprint) == 0


def test_size_classes(alloc: ModuleType) -> None:
    """Every request fits its class, with little rounding, and runs waste little."""
    previous = 0
    assert int(alloc.block_size(alloc.class_of(u64(0)))) == 16  # 0 is a multiple of 16
    for size in range(1, SMALL_LIMIT + 1):
        block = int(alloc.block_size(alloc.class_of(u64(size))))
        assert block >= max(size, 1) and block % 8 == 0
        # A size that is a multiple of 16 gets a block that is one too,
        # so that the runs keep such blocks 16-byte aligned.
        assert size % 16 != 0 or block % 16 == 0
        assert block >= previous
        previous = block
        # Less than a granule of rounding up to 128, at most 25% above.
        assert block < max(size, 1) + 8 or block * 4 <= size * 5
    for c in range(28):
        run = int(alloc.run_size(u64(c)))
        count = (run - 48) // int(alloc.block_size(u64(c)))
        assert count >= 31 and (run - count * int(alloc.block_size(u64(c)))) * 28 <= run


def test_empty_runs_go_back_and_the_current_run_stays(alloc: ModuleType) -> None:
    per_run = (4096 - 48) // 48
    objects = [int(alloc.obj_alloc(u64(48))) for _ in range(4 * per_run)]
    assert int(alloc.obj_stats().runs) == 4
    for addr in objects[:per_run]:  # the first run empties: the class's spare
        alloc.obj_free(u64(addr), u64(48))
    assert int(alloc.obj_stats().runs) == 4
    for addr in objects[per_run:2 * per_run]:  # the second: back to the platform
        alloc.obj_free(u64(addr), u64(48))
    assert int(alloc.obj_stats().runs) == 3
    assert int(alloc.obj_stats().footprint) == 3 * 4096
    for addr in objects[2 * per_run:]:  # the fourth run is current: it stays
        alloc.obj_free(u64(addr), u64(48))
    assert int(alloc.obj_stats().runs) == 2  # the current run and the spare
    again = int(alloc.obj_alloc(u64(44)))  # the same class
    assert again in objects[3 * per_run:]
    alloc.obj_free(u64(again), u64(44))


def test_the_spare_run_serves_the_next_round(alloc: ModuleType) -> None:
    per_run = (4096 - 48) // 48
    objects = [int(alloc.obj_alloc(u64(48))) for _ in range(2 * per_run)]
    for addr in objects:  # the first run becomes the spare; the second is current
        alloc.obj_free(u64(addr), u64(48))
    platform_runs = len(simplatform.current.blocks)
    again = [int(alloc.obj_alloc(u64(48))) for _ in range(2 * per_run)]
    assert len(simplatform.current.blocks) == platform_runs  # nothing new asked for
    assert sorted(again) == sorted(objects)
    for addr in again:
        alloc.obj_free(u64(addr), u64(48))


def test_a_tree_dropped_beside_a_live_one_is_rebuilt_from_spares(alloc: ModuleType) -> None:
    """A structure torn down while as much stays alive (binary_trees'
    rounds beside its long-lived tree) leaves its runs as spares, and the
    next round takes them back instead of asking the platform again."""
    per_run = (4096 - 48) // 48
    kept = [int(alloc.obj_alloc(u64(48))) for _ in range(8 * per_run)]
    asked = []
    for _ in range(3):
        tree = [int(alloc.obj_alloc(u64(48))) for _ in range(8 * per_run)]
        asked.append(simplatform.current.allocations)
        for addr in tree:
            alloc.obj_free(u64(addr), u64(48))
        # What it keeps is bounded: no more spare than live.
        assert int(alloc.obj_stats().footprint) <= 2 * 8 * 4096 + 2 * 4096
    assert asked[2] == asked[1] == asked[0]  # the later rounds took no new run
    for addr in kept:
        alloc.obj_free(u64(addr), u64(48))


def test_partial_runs_are_reused_before_new_ones(alloc: ModuleType) -> None:
    per_run = (4096 - 48) // 32
    objects = [int(alloc.obj_alloc(u64(32))) for _ in range(2 * per_run)]
    alloc.obj_free(u64(objects[5]), u64(32))  # a hole in the first, full run
    for _ in range(per_run):  # takes the rest of the second run, then the hole
        objects.append(int(alloc.obj_alloc(u64(32))))
    assert objects[5] in objects[2 * per_run:]
    assert int(alloc.obj_stats().runs) == 3


def test_wrong_size_on_free_panics(alloc: ModuleType) -> None:
    first = int(alloc.obj_alloc(u64(48)))
    per_run = (4096 - 48) // 48
    for _ in range(per_run):  # the first run is no longer current
        alloc.obj_alloc(u64(48))
    with pytest.raises(PanicError, match="as a 96-byte object"):
        alloc.obj_free(u64(first), u64(90))


def test_freeing_more_than_allocated_panics(alloc: ModuleType) -> None:
    addr = int(alloc.obj_alloc(u64(16)))
    alloc.obj_free(u64(addr), u64(16))
    with pytest.raises(PanicError, match="freeing 16 bytes, but only 0 bytes in 0 objects"):
        alloc.obj_free(u64(addr), u64(16))


def test_out_of_memory_panics(alloc: ModuleType) -> None:
    simplatform.current.fail_after = 1
    alloc.obj_alloc(u64(24))
    with pytest.raises(PanicError, match="out of memory: no 4096-byte run for 64-byte objects"):
        alloc.obj_alloc(u64(64))
    with pytest.raises(PanicError, match="out of memory: no 5000 bytes"):
        alloc.obj_alloc(u64(5000))


def test_realloc_in_place_within_a_class(alloc: ModuleType) -> None:
    addr = alloc.obj_alloc(u64(100))
    assert alloc.obj_realloc(addr, u64(100), u64(104)) == addr
    assert int(alloc.obj_stats().in_use) == 104
    moved = alloc.obj_realloc(addr, u64(104), u64(105))
    assert moved != addr and int(alloc.obj_stats().in_use) == 105
    alloc.obj_free(moved, u64(105))


def test_zeroed(alloc: ModuleType) -> None:
    addr = int(alloc.obj_alloc(u64(64)))
    ctypes.memset(addr, 0xAB, 64)
    alloc.obj_free(u64(addr), u64(64))
    again = int(alloc.obj_alloc_zeroed(u64(64)))
    assert again == addr and ctypes.string_at(again, 64) == bytes(64)


def test_footprint_at_peak_is_taken_at_the_peak(alloc: ModuleType) -> None:
    """Efficiency is the peak over the footprint *at* the peak, which can be
    less than the largest footprint: here the first phase holds more runs
    than the second, which reaches the higher peak."""
    small = [int(alloc.obj_alloc(u64(25))) for _ in range(900)]  # 126 to a run
    assert int(alloc.obj_stats().footprint) == 8 * 4096
    for addr in small:
        alloc.obj_free(u64(addr), u64(25))
    # The current run and three spares: the first of a class is always
    # kept, the next two while the spares hold no more than the live
    # objects (522 of 25 bytes when the third emptied), the rest go back.
    assert int(alloc.obj_stats().footprint) == 4 * 4096
    alloc.obj_trim()
    large = [int(alloc.obj_alloc(u64(6000))) for _ in range(4)]
    stats = alloc.obj_stats()
    assert int(stats.peak) == 24000
    assert int(stats.footprint_at_peak) == 4 * 6000
    assert int(stats.peak_footprint) == 8 * 4096
    for addr in large:
        alloc.obj_free(u64(addr), u64(6000))


def test_trim_returns_empty_current_runs(alloc: ModuleType) -> None:
    kept = int(alloc.obj_alloc(u64(100)))
    for size in (16, 48, 500, 1000):
        alloc.obj_free(alloc.obj_alloc(u64(size)), u64(size))
    assert int(alloc.obj_stats().runs) == 5
    assert int(alloc.obj_trim()) == 2 * 4096 + 16384 + 32768
    stats = alloc.obj_stats()
    assert int(stats.runs) == 1 and int(stats.footprint) == 4096  # the one with `kept`
    alloc.obj_free(u64(kept), u64(100))
    assert int(alloc.obj_trim()) == 4096
    assert not simplatform.current.blocks
    again = alloc.obj_alloc(u64(16))  # the classes start again from nothing
    alloc.obj_free(again, u64(16))


def test_kernel_heap_refuses_objects_before_it_is_up() -> None:
    """In the kernel, the object allocator's memory comes from
    ``pythos_heap_alloc`` (kernel/mm/heap.py).  Before ``heap.init`` that
    is a bug in the boot order, and it must be a panic naming the cause,
    not a fault at address 0; the same for the heap's own ``alloc``.
    (A fresh interpreter, so that no other test has touched the heap.)"""
    import subprocess

    from tests.compiler.conftest import ROOT, env
    script = (
        "import kernel.mm.heap as heap\n"
        "from pythos.lang import PanicError, u64\n"
        "for call in (lambda: heap.runtime_alloc(u64(4096), u64(4096)),\n"
        "             lambda: heap.alloc(u64(64), u64(16))):\n"
        "    try:\n"
        "        call()\n"
        "    except PanicError as e:\n"
        "        print(e)\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env(),
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines() == [
        "object allocation (4096 bytes) before the kernel heap is up: "
        "kmain must call heap.init() first",
        "the kernel heap is used before it is up: kmain must call heap.init() first"], (
        result.stdout + result.stderr)


def test_the_block_boundary_check_is_exact(alloc: ModuleType) -> None:
    """The multiply that replaces a division in the free path's check agrees
    with the division at every offset of every class's run."""
    for c in range(28):
        block = int(alloc.BLOCK_GRANULES[c]) * 8
        alloc.block_magic[c] = (1 << 64) // block + (1 if (1 << 64) % block else 0)
        for offset in range(0, int(alloc.run_size(u64(c))) + 64, 8):
            want = offset >= 48 and (offset - 48) % block == 0 and offset - 48 < 4096 * 8
            assert bool(alloc.on_block_boundary(u64(offset), u64(c))) == want, (c, offset)
        assert not alloc.on_block_boundary(u64(48 + block + 4), u64(c))
        assert not alloc.on_block_boundary(u64(40), u64(c))


def test_freeing_between_blocks_panics(alloc: ModuleType) -> None:
    first = int(alloc.obj_alloc(u64(48)))
    for _ in range((4096 - 48) // 48):  # the first run is no longer current
        alloc.obj_alloc(u64(48))
    with pytest.raises(PanicError, match="as a 48-byte object, which it is not"):
        alloc.obj_free(u64(first + 24), u64(48))
