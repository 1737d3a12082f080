"""The bump heap on the shared workload (see lib_mm_workload).

Compiled, kernel.mm.heap_allocator must name this design (the test does that).
"""

from lib_mm_workload import INITIAL_SIZE, Rng, Slots, heap_start, run

from kernel.mm.heap_bump import BumpHeap
from pythos.lang import u64


def main() -> None:
    heap = BumpHeap()
    heap.init(heap_start(), INITIAL_SIZE)
    run(heap, Rng(u64(0x9E3779B97F4A7C15)), Slots())


if __name__ == "__main__":
    main()
