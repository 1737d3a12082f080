"""The linked-list heap on the shared workload (see lib_mm_workload)."""

from lib_mm_workload import (
    INITIAL_SIZE,
    MEMORY,
    PAGE,
    SLOTS,
    STEPS,
    Rng,
    Slots,
    check,
    heap_start,
    pick_align,
    pick_size,
    record,
    resized,
    show,
)

from kernel.mm.heap_list import ListHeap
from pythos.lang import u64


def run(heap: ListHeap, rng: Rng, slots: Slots) -> None:
    for _ in range(STEPS):
        slot = rng.next() % u64(SLOTS)
        if slots.addr[slot] == 0:
            size = pick_size(rng)
            align = pick_align(rng)
            addr = heap.alloc(size, align)
            if addr == 0 and heap.stats.heap_size + PAGE <= u64(MEMORY):
                heap.grow(PAGE)
                slots.grows += 1
                addr = heap.alloc(size, align)
            if addr == 0:
                slots.failures += 1
            else:
                record(slots, slot, addr, size, align)
        elif rng.next() % u64(4) == 0:
            check(slot, slots.addr[slot], slots.size[slot])
            size = pick_size(rng)
            done = heap.resize(slots.addr[slot], slots.size[slot], size, slots.align[slot])
            resized(slots, slot, done, size)
        else:
            check(slot, slots.addr[slot], slots.size[slot])
            heap.free(slots.addr[slot], slots.size[slot], slots.align[slot])
            slots.addr[slot] = u64(0)
    show("during", heap.stats, slots)
    for slot in range(SLOTS):
        if slots.addr[slot] != 0:
            check(u64(slot), slots.addr[slot], slots.size[slot])
            heap.free(slots.addr[slot], slots.size[slot], slots.align[slot])
            slots.addr[slot] = u64(0)
    show("after", heap.stats, slots)


def main() -> None:
    heap = ListHeap()
    heap.init(heap_start(), INITIAL_SIZE)
    run(heap, Rng(u64(0x9E3779B97F4A7C15)), Slots())
    print("largest free block", heap.largest_free())


if __name__ == "__main__":
    main()
