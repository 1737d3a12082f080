"""Shared parts of the memory-management differential programs.

Each ``mm_heap_*`` program drives one heap design through the same fixed
pseudo-random workload and prints what it saw: offsets of allocations
from the heap start (deterministic, unlike addresses), statistics and a
checksum.  This module holds what does not depend on the design: the
memory standing in for the heap, the random numbers, the table of live
allocations and the content checks, and the workload itself.

The workload is written once for every design, against ``KernelHeap``
from ``kernel.mm.heap_allocator``: the module the kernel build points at
the design it compiles in (``pythos build --heap=...``).  Under CPython
any design fits (the program passes its own); compiled, the test points
that module at the program's design (tests/kernel/test_mm_compiled.py),
exactly as the kernel build does.
"""

from typing import Final

from kernel.mm.heap_allocator import KernelHeap
from kernel.mm.heap_api import HeapStats
from pythos.lang import Array, Ptr, addr_of, panic, struct, u8, u64

MEMORY: Final = 65536
PAGE: Final = u64(4096)
INITIAL_SIZE: Final = u64(16384)
SLOTS: Final = 64
STEPS: Final = 2000
# Bytes checked at each end of an allocation (the middle is skipped to keep
# the CPython run quick).
EDGE: Final = u64(24)

RAM = Array[u8, 69632]()


@struct
class Rng:
    """xorshift64*."""

    state: u64

    def next(self) -> u64:
        x = self.state
        x ^= x >> 12
        x ^= x << 25
        x ^= x >> 27
        self.state = x
        return x * 0x2545F4914F6CDD1D


@struct
class Slots:
    """The live allocations: address (0 = empty), size, alignment."""

    addr: Array[u64, 64]
    size: Array[u64, 64]
    align: Array[u64, 64]
    checksum: u64
    failures: u64
    grows: u64


def heap_start() -> u64:
    """The first page boundary inside RAM: where every program's heap starts."""
    return (addr_of(RAM).addr + PAGE - 1) & ~(PAGE - 1)


def pick_size(rng: Rng) -> u64:
    r = rng.next()
    if r % 8 == 0:
        return u64(512) + (r >> 8) % u64(3500)
    if r % 8 < 3:
        return (r >> 8) % u64(9)
    return u64(1) + (r >> 8) % u64(200)


def pick_align(rng: Rng) -> u64:
    return u64(1) << (rng.next() % u64(10))


def fill_byte(slot: u64, addr: u64) -> u8:
    return u8((slot * 37 + (addr - heap_start()) // 16) & 0xFF) | u8(1)


def fill(slot: u64, addr: u64, size: u64) -> None:
    p = Ptr[u8](addr)
    value = fill_byte(slot, addr)
    for i in range(size if size < EDGE else EDGE):
        p[i] = value
    if size > EDGE:
        for i in range(size - EDGE, size):
            p[i] = value


def check(slot: u64, addr: u64, size: u64) -> None:
    p = Ptr[u8](addr)
    value = fill_byte(slot, addr)
    for i in range(size if size < EDGE else EDGE):
        if p[i] != value:
            panic(f"slot {slot}: byte {i} changed")
    if size > EDGE:
        for i in range(size - EDGE, size):
            if p[i] != value:
                panic(f"slot {slot}: byte {i} changed")


def record(slots: Slots, slot: u64, addr: u64, size: u64, align: u64) -> None:
    """Check a fresh allocation's alignment and place, then remember it."""
    if addr & (align - 1) != 0:
        panic(f"allocation at {addr - heap_start()} is not aligned to {align}")
    for other in range(SLOTS):
        a = slots.addr[other]
        if a != 0 and a < addr + size and addr < a + slots.size[other]:
            panic(f"allocation at {addr - heap_start()} overlaps slot {other}")
    slots.addr[slot] = addr
    slots.size[slot] = size
    slots.align[slot] = align
    slots.checksum = slots.checksum * 31 + (addr - heap_start()) + size
    fill(slot, addr, size)


def resized(slots: Slots, slot: u64, done: bool, new_size: u64) -> None:
    """Note the outcome of resizing ``slot`` in place to ``new_size`` bytes."""
    if not done:
        slots.checksum = slots.checksum * 31 + 1
        return
    addr = slots.addr[slot]
    slots.addr[slot] = u64(0)  # so that it does not overlap itself
    record(slots, slot, addr, new_size, slots.align[slot])


def show(name: str, s: HeapStats, slots: Slots) -> None:
    print(f"{name}: checksum {slots.checksum:#018x} failures {slots.failures} "
          f"grows {slots.grows}")
    print(f"  heap_size {s.heap_size} used {s.bytes_used} peak {s.peak_used} "
          f"free {s.bytes_free} regions {s.free_regions}")
    print(f"  allocs {s.alloc_count} frees {s.free_count} failed {s.failed_count}")


def run(heap: KernelHeap, rng: Rng, slots: Slots) -> None:
    """The workload: allocate, resize or free a random slot, STEPS times,
    growing the heap when it is full; then free everything."""
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
