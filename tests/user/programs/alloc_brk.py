"""The object allocator in a Pythos user program, on memory from ``brk``.

Random allocations and frees of objects from 8 bytes to 40 KB through
``pythos.rt.alloc``, whose runs and large blocks come from the user
platform's ``platform_alloc`` (pythos/rt/user.py).  Every object is
filled with a pattern when allocated and checked when freed, so blocks
that overlapped would show.  The heap's end (``brk(0)``) must rise while
objects are live and be back where it started once they are all freed and
the empty runs trimmed: every page went back to the kernel.
"""

from typing import Final

from pythos.lang import Array, Ptr, panic, u8, u64
from pythos.rt.alloc import obj_alloc, obj_free, obj_stats, obj_trim
from pythos.syscalls import brk

OPERATIONS: Final = 20000
SLOTS: Final = 512

slot_addr = Array[u64, 512]()
slot_size = Array[u64, 512]()
state: u64 = u64(0x9E3779B97F4A7C15)
checksum: u64 = u64(0)


def random() -> u64:
    """xorshift64."""
    global state
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return state


def size_for(r: u64) -> u64:
    """Mostly small objects, some up to 1 KiB, a few large ones."""
    kind = r % 16
    if kind < 11:
        return (r >> 8) % 128 + 1
    if kind < 15:
        return (r >> 8) % 1024 + 1
    return (r >> 8) % 40000 + 1025


def fill(slot: u64) -> None:
    data = Ptr[u8](slot_addr[slot])
    for i in range(slot_size[slot]):
        data[i] = u8((slot + i) & 0xFF)


def release(slot: u64) -> None:
    global checksum
    data = Ptr[u8](slot_addr[slot])
    for i in range(slot_size[slot]):
        if data[i] != u8((slot + i) & 0xFF):
            panic(f"object in slot {slot} ({slot_size[slot]} bytes) changed at byte {i}")
        checksum += u64(data[i])
    obj_free(slot_addr[slot], slot_size[slot])
    slot_addr[slot] = u64(0)


def main() -> None:
    start = brk(0)
    highest = start
    for _ in range(OPERATIONS):
        r = random()
        slot = r % SLOTS
        if slot_addr[slot] != 0:
            release(slot)
        if (r >> 40) % 4 != 0:
            slot_size[slot] = size_for(random())
            slot_addr[slot] = obj_alloc(slot_size[slot])
            if slot_addr[slot] < u64(start):
                panic(f"object at {slot_addr[slot]:#x}, below the heap at {start:#x}")
            fill(slot)
        end = brk(0)
        if end > highest:
            highest = end
    for index in range(SLOTS):
        if slot_addr[index] != 0:
            release(u64(index))
    obj_trim()
    stats = obj_stats()
    if stats.in_use != 0 or stats.footprint != 0:
        panic(f"{stats.in_use} bytes in use, {stats.footprint} held after freeing everything")
    if highest <= start:
        panic("the heap never grew")
    if brk(0) != start:
        panic(f"the heap ends at {brk(0):#x}, not back at {start:#x}")
    print(f"alloc_brk: {OPERATIONS} operations, checksum {checksum}, the heap grew by "
          f"{(highest - start) // 1024} KiB and came back to its start")


if __name__ == "__main__":
    main()
