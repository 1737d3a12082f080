"""The linked-list heap on the shared workload (see lib_mm_workload).

Compiled, kernel.mm.heap_allocator must name this design (the test does that).
"""

from lib_mm_workload import INITIAL_SIZE, Rng, Slots, heap_start, run

from kernel.mm.heap_list import ListHeap
from pythos.lang import u64


def main() -> None:
    heap = ListHeap()
    heap.init(heap_start(), INITIAL_SIZE)
    run(heap, Rng(u64(0x9E3779B97F4A7C15)), Slots())
    print("largest free block", heap.largest_free())


if __name__ == "__main__":
    main()
