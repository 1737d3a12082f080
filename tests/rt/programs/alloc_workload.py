"""Random allocations, frees and reallocations through the object allocator.

Each operation is four bytes of ``OPS`` (the tests put a random sequence
there): two bytes of slot number and what to do (allocate, free or
reallocate), and two bytes of size.  With 4096 slots, enough objects of
one size class are live at once to fill runs, so runs fill, empty and go
back to the platform.  Every object is
filled with a pattern when it is allocated and checked when it is freed
or moved, so two live objects that overlapped would show; every address
must be 8-byte aligned (16 if its size is a multiple of 16); and after
every operation the allocator's
statistics must equal this program's own count.  At the end everything
is freed, the empty runs are trimmed, and nothing may be left.
"""

from typing import Final

from pythos.lang import Array, Ptr, panic, u8, u64
from pythos.rt.alloc import (
    obj_alloc,
    obj_free,
    obj_realloc,
    obj_stats,
    obj_trim,
)

OPS: Final = b"\x00\x01\x00\x28\x00\x02\x01\x00\x02\x01\x20\x00\x01\x02\x00\x00"
SLOTS: Final = 4096

slot_addr = Array[u64, 4096]()
slot_size = Array[u64, 4096]()
slot_seed = Array[u8, 4096]()
model_in_use: u64 = u64(0)
model_live: u64 = u64(0)
serial: u8 = u8(0)
checksum: u64 = u64(0)


def size_of(high: u8, low: u8) -> u64:
    """Mostly objects up to 128 bytes, then any small size, sometimes
    large ones (above 1024 bytes)."""
    raw = (u64(high) << 8) | u64(low)
    if high < 128:
        return raw % 129
    if high < 220:
        return raw % 1100
    return raw % 6000


def fill(addr: u64, size: u64, seed: u8) -> None:
    data = Ptr[u8](addr)
    for i in range(size):
        data[i] = seed + u8(i & 0xFF)


def verify(addr: u64, size: u64, seed: u8) -> None:
    global checksum
    data = Ptr[u8](addr)
    for i in range(size):
        if data[i] != seed + u8(i & 0xFF):
            panic(f"object of {size} bytes changed at byte {i}")
        checksum += u64(data[i])


def place(slot: u64, addr: u64, size: u64) -> None:
    global serial
    if addr & 7 != 0 or (size & 15 == 0 and addr & 15 != 0):
        panic(f"object of {size} bytes at {addr & 15} modulo 16")
    serial += 1
    slot_addr[slot] = addr
    slot_size[slot] = size
    slot_seed[slot] = serial
    fill(addr, size, serial)


def release(slot: u64) -> None:
    global model_in_use, model_live
    verify(slot_addr[slot], slot_size[slot], slot_seed[slot])
    obj_free(slot_addr[slot], slot_size[slot])
    model_in_use -= slot_size[slot]
    model_live -= 1
    slot_addr[slot] = u64(0)


def step(kind: u8, slot: u64, size: u64) -> None:
    global model_in_use, model_live
    if kind == 0 or kind == 3:
        if slot_addr[slot] != 0:
            release(slot)
        place(slot, obj_alloc(size), size)
        model_in_use += size
        model_live += 1
    elif kind == 1:
        if slot_addr[slot] != 0:
            release(slot)
    elif slot_addr[slot] != 0:
        old = slot_size[slot]
        keep = old if old < size else size
        verify(slot_addr[slot], keep, slot_seed[slot])
        moved = obj_realloc(slot_addr[slot], old, size)
        verify(moved, keep, slot_seed[slot])
        place(slot, moved, size)
        model_in_use = model_in_use - old + size


def main() -> None:
    allocs = u64(0)
    peak_model = u64(0)
    for i in range(len(OPS) // 4):
        kind = u8(OPS[i * 4 + 1]) & 3
        slot = ((u64(OPS[i * 4]) << 8 | u64(OPS[i * 4 + 1])) >> 2) % SLOTS
        step(kind, slot, size_of(u8(OPS[i * 4 + 2]), u8(OPS[i * 4 + 3])))
        if kind == 0 or kind == 3:
            allocs += 1
        if model_in_use > peak_model:
            peak_model = model_in_use
        stats = obj_stats()
        if stats.in_use != model_in_use or stats.live != model_live:
            panic(f"statistics say {stats.in_use} bytes in {stats.live} objects, "
                  f"the program counts {model_in_use} in {model_live}")
        if stats.peak < peak_model:
            panic(f"peak {stats.peak} below {peak_model}")
    for index in range(SLOTS):
        if slot_addr[index] != 0:
            release(u64(index))
    obj_trim()
    stats = obj_stats()
    print(f"operations {len(OPS) // 4} allocations {allocs} checksum {checksum}")
    print(f"in use {stats.in_use} live {stats.live} runs {stats.runs} large {stats.large} "
          f"footprint {stats.footprint}")


if __name__ == "__main__":
    main()
