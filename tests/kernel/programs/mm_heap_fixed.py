"""The fixed-size block heap on the shared workload (see lib_mm_workload).

Compiled, kernel.mm.heap_allocator must name this design (the test does that).
"""

from lib_mm_workload import INITIAL_SIZE, Rng, Slots, heap_start, run, show

from kernel.mm.heap_fixed import FixedHeap
from pythos.lang import u64


def main() -> None:
    heap = FixedHeap()
    heap.init(heap_start(), INITIAL_SIZE)
    run(heap, Rng(u64(0x9E3779B97F4A7C15)), Slots())
    print("cached 8-byte blocks", heap.cached_in_class(u64(0)), "reclaimed", heap.reclaim())
    show("reclaimed", heap.stats, Slots())


if __name__ == "__main__":
    main()
