"""In-kernel tests of the object allocator (pythos/rt/alloc.py).

In the kernel the object allocator takes its runs and large blocks from
the kernel heap (``pythos_heap_alloc`` in kernel/mm/heap.py), so these
tests run against whichever design the kernel was built with
(``pythos test objects --heap=...``; tests/own_kernel/test_heap_designs.py
runs all four).  Each checks that objects land inside the heap, keep their
contents, and that the heap is back to its baseline afterwards: the
object allocator's exact statistics and the heap design's own.
"""

from typing import Final

import kernel.mm.heap as heap
import kernel.tests.pattern as pattern
from kernel.xorshift import xorshift64
from pythos.lang import Array, Ptr, should_panic, u64
from pythos.rt.alloc import (
    SMALL_LIMIT,
    obj_alloc,
    obj_alloc_zeroed,
    obj_free,
    obj_realloc,
    obj_stats,
    obj_trim,
)

SLOTS: Final = 512
OPERATIONS: Final = 20000

object_addr = Array[u64, 512]()
object_size = Array[u64, 512]()
rng_state: u64 = u64(0x9E3779B97F4A7C15)


def random() -> u64:
    """The next number of this module's xorshift64 sequence."""
    global rng_state
    rng_state = xorshift64(rng_state)
    return rng_state


def random_size() -> u64:
    """Mostly instance-sized objects, some list and str buffers up to the
    small limit, and one in 32 large (up to 3000 bytes)."""
    r = random()
    kind = r % 32
    if kind < 20:
        return u64(16) + (r >> 8) % 7 * 8
    if kind < 31:
        return (r >> 8) % (SMALL_LIMIT + 1)
    return SMALL_LIMIT + 1 + (r >> 8) % 2000


def inside_heap(address: u64, size: u64) -> bool:
    return address >= heap.HEAP_START and address + size <= heap.HEAP_START + heap.mapped_size()


def test_objects_live_on_the_kernel_heap_and_all_go_back() -> None:
    obj_trim()
    # Objects other modules keep (module-level globals built at start-up,
    # such as kernel/tests/test_containers.py's) stay; this test's own
    # must all go back.
    live = obj_stats().live
    in_use = obj_stats().in_use
    heap_used = heap.stats().bytes_used
    heap_live = heap.stats().live_allocations()
    footprint = obj_stats().footprint
    expected = u64(0)
    for i in range(u64(SLOTS)):
        object_addr[i] = u64(0)
    for step in range(OPERATIONS):
        slot = random() % SLOTS
        if object_addr[slot] != 0:
            assert pattern.intact(object_addr[slot], object_size[slot], slot), "object contents changed"
            obj_free(object_addr[slot], object_size[slot])
            expected -= object_size[slot]
            object_addr[slot] = u64(0)
        else:
            size = random_size()
            address = obj_alloc(size)
            assert address & 7 == 0, "object not 8-byte aligned"
            assert size & 15 != 0 or address & 15 == 0, "object not 16-byte aligned"
            assert inside_heap(address, size), "object outside the kernel heap"
            pattern.fill(address, size, slot)
            object_addr[slot] = address
            object_size[slot] = size
            expected += size
        assert obj_stats().in_use == in_use + expected, "bytes in use miscounted"
        if step % 1000 == 0:
            # The heap holds exactly the runs and large blocks the object
            # allocator counts (large ones are counted in 16-byte granules).
            held = heap.stats().bytes_used - heap_used
            stats = obj_stats()
            assert held <= stats.footprint - footprint, "the heap holds more than counted"
            assert stats.footprint - footprint - held < 16 * stats.large + 16, "footprint"
    for i in range(u64(SLOTS)):
        if object_addr[i] != 0:
            assert pattern.intact(object_addr[i], object_size[i], u64(i)), "object contents changed"
            obj_free(object_addr[i], object_size[i])
    assert obj_stats().in_use == in_use and obj_stats().live == live
    obj_trim()
    assert obj_stats().footprint == footprint, "runs still held after trim"
    assert heap.stats().bytes_used == heap_used, "the kernel heap is not back to its baseline"
    assert heap.stats().live_allocations() == heap_live, "heap allocations leaked"


def test_a_tree_built_and_torn_down() -> None:
    """A linked structure of 40-byte nodes and growing 8-byte-per-item
    buffers, the shape of compiled Python: the heap is back afterwards."""
    obj_trim()
    live = obj_stats().live
    heap_used = heap.stats().bytes_used
    # node: [next, value, 3 more words]; a chain of 5000 of them.
    head = u64(0)
    for i in range(u64(5000)):
        node = obj_alloc_zeroed(u64(40))
        Ptr[u64](node)[0] = head
        Ptr[u64](node)[1] = i
        head = node
    # A list buffer growing by doubling, the old buffer moved each time.
    capacity = u64(4)
    items = obj_alloc(capacity * 8)
    for i in range(u64(3000)):
        if i == capacity:
            items = obj_realloc(items, capacity * 8, capacity * 16)
            capacity *= 2
        Ptr[u64](items)[i] = i * 3
    for i in range(u64(3000)):
        assert Ptr[u64](items)[i] == i * 3, "list buffer lost items"
    obj_free(items, capacity * 8)
    total = u64(0)
    while head != 0:
        following = Ptr[u64](head)[0]
        total += Ptr[u64](head)[1]
        obj_free(head, u64(40))
        head = following
    assert total == u64(5000 * 4999 // 2)
    assert obj_stats().live == live
    obj_trim()
    assert heap.stats().bytes_used == heap_used, "the kernel heap is not back to its baseline"


@should_panic("as a 96-byte object, which it is not")
def test_freeing_an_object_with_the_wrong_size_panics() -> None:
    first = obj_alloc(u64(48))
    # Fill the run, so that the first one is no longer the current run.
    for _ in range(100):
        obj_alloc(u64(48))
    obj_free(first, u64(90))


@should_panic("before the kernel heap is up: kmain must call heap.init() first")
def test_an_object_before_the_heap_is_up_panics() -> None:
    # As if kmain had not called heap.init() yet: no heap end.  This boot
    # ends with the panic, so the heap is not needed afterwards.
    obj_trim()
    heap.heap_end = u64(0)
    obj_alloc(u64(1000))
