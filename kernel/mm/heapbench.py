"""The heap benchmark: the cost of an allocate+free pair, and utilisation.

``bench=heap`` on the kernel command line makes ``kmain`` call ``run``
once the heap is up.  It replays a fixed pseudo-random workload (the same
on every run and for every design) with interrupts off, timing each
``heap.alloc`` and ``heap.free`` with ``rdtsc``; under QEMU's
``-icount shift=0,sleep=off`` that counts guest instructions exactly.
``bench/kernel.py`` builds the kernel with each ``--heap`` design and
collects the ``bench: heap ...`` lines into a table.  The object
allocator's benchmark (``kernel.mm.objbench``) runs after it, so that the
heap designs' own figures stay what they were before it existed.
"""

from typing import Final

import kernel.arch.x86_64.irqflags as irqflags
import kernel.mm.heap as heap
import kernel.mm.objbench as objbench
from kernel.mm.heap_allocator import HEAP_NAME
from pythos.lang import Array, rdtsc, u64

SLOTS: Final = 256
OPERATIONS: Final = 20000
MAX_SIZE: Final = u64(1024)

bench_addr = Array[u64, 256]()
bench_size = Array[u64, 256]()
bench_align = Array[u64, 256]()


def run() -> None:
    """Replay the workload and print ``bench: heap ...`` lines."""
    flags = irqflags.save_and_disable()
    # Map the memory the workload will need first, so that the timings are
    # the allocator's and not the page-table code's.
    room = heap.alloc(u64(2 << 20), u64(16))
    if room != 0:
        heap.free(room, u64(2 << 20), u64(16))
    state = u64(0x9E3779B97F4A7C15)
    alloc_cost = u64(0)
    free_cost = u64(0)
    allocs = u64(0)
    frees = u64(0)
    failed = u64(0)
    for i in range(u64(SLOTS)):
        bench_addr[i] = u64(0)
    for _ in range(OPERATIONS):
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        slot = state % SLOTS
        if bench_addr[slot] != 0:
            start = rdtsc()
            heap.free(bench_addr[slot], bench_size[slot], bench_align[slot])
            free_cost += rdtsc() - start
            frees += 1
            bench_addr[slot] = u64(0)
        else:
            size = (state >> 20) % MAX_SIZE + 1
            align = u64(1) << ((state >> 40) % 6 + 3)
            start = rdtsc()
            address = heap.alloc(size, align)
            alloc_cost += rdtsc() - start
            if address == 0:
                failed += 1
                continue
            allocs += 1
            bench_addr[slot] = address
            bench_size[slot] = size
            bench_align[slot] = align
    used = heap.stats().bytes_used
    size_now = heap.stats().heap_size
    regions = heap.stats().free_regions
    overhead = size_now - used - heap.stats().bytes_free
    for i in range(u64(SLOTS)):
        if bench_addr[i] != 0:
            heap.free(bench_addr[i], bench_size[i], bench_align[i])
    irqflags.restore(flags)
    pair = u64(0)
    if allocs > 0 and frees > 0:
        pair = alloc_cost // allocs + free_cost // frees
    print(f"bench: heap design {HEAP_NAME} 0")
    print(f"bench: heap alloc+free pair {pair}")
    print(f"bench: heap utilisation permille {used * 1000 // size_now}")
    print(f"bench: heap overhead bytes at end {overhead}")
    print(f"bench: heap free regions at end {regions}")
    print(f"bench: heap failed allocations {failed}")
    objbench.run()
