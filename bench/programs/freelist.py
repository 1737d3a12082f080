"""Free-list allocator simulation: first-fit over a free list kept sorted by
address, with coalescing on free, inside a 2 MiB Array[u8] heap reached
through Ptr[Header].  A fixed xorshift64* sequence picks a slot; a full
slot is freed (after checking its tag), an empty one gets a new block of a
random size.  Prints counters and checksums."""

from typing import Final

from pythos.lang import struct, u8, u32, u64, Array, Ptr, addr_of

OPS: Final = 600_000  # bench: size
HEAP_SIZE: Final = 2 * 1024 * 1024
HDR: Final = 16
SLOTS: Final = 4096
NIL: Final = u32(0xFFFFFFFF)
MAGIC: Final = u32(0xA110C8ED)

HEAP = Array[u8, HEAP_SIZE]()
LIVE = Array[u32, SLOTS]()  # payload offset of the block in each slot, or NIL
LIVE_SIZE = Array[u32, SLOTS]()


@struct
class Header:
    size: u32  # payload bytes (a multiple of 16)
    next: u32  # offset of the next free block, NIL at the end
    used: u32
    magic: u32


free_head = u32(0)
rng_state = u64(0x2545F4914F6CDD1D)


def rand() -> u64:
    global rng_state
    x = rng_state
    x ^= x >> 12
    x ^= x << 25
    x ^= x >> 27
    rng_state = x
    return x * 0x2545F4914F6CDD1D


def hdr(off: u32) -> Ptr[Header]:
    return Ptr[Header](addr_of(HEAP).addr + u64(off))


def heap_init() -> None:
    global free_head
    h = hdr(u32(0))
    h[0].size = u32(HEAP_SIZE - HDR)
    h[0].next = NIL
    h[0].used = 0
    h[0].magic = MAGIC
    free_head = u32(0)


def alloc(n: u32) -> u32:
    """First fit; returns the payload offset or NIL."""
    global free_head
    need = (n + 15) & ~u32(15)
    prev = NIL
    cur = free_head
    while cur != NIL:
        h = hdr(cur)
        if h[0].size >= need:
            if h[0].size >= need + HDR + 16:
                rest = cur + HDR + need
                r = hdr(rest)
                r[0].size = h[0].size - need - HDR
                r[0].next = h[0].next
                r[0].used = 0
                r[0].magic = MAGIC
                h[0].size = need
                h[0].next = rest
            if prev == NIL:
                free_head = h[0].next
            else:
                hdr(prev)[0].next = h[0].next
            h[0].used = 1
            h[0].next = NIL
            return cur + HDR
        prev = cur
        cur = h[0].next
    return NIL


def free(payload: u32) -> None:
    """Insert into the address-ordered list, then merge with neighbours."""
    global free_head
    off = payload - HDR
    h = hdr(off)
    assert h[0].magic == MAGIC, "bad magic"
    assert h[0].used == 1, "double free"
    h[0].used = 0
    prev = NIL
    cur = free_head
    while cur != NIL and cur < off:
        prev = cur
        cur = hdr(cur)[0].next
    h[0].next = cur
    if prev == NIL:
        free_head = off
    else:
        hdr(prev)[0].next = off
    if cur != NIL and off + HDR + h[0].size == cur:
        c = hdr(cur)
        h[0].size += HDR + c[0].size
        h[0].next = c[0].next
    if prev != NIL:
        p = hdr(prev)
        if prev + HDR + p[0].size == off:
            p[0].size += HDR + h[0].size
            p[0].next = h[0].next


def tag(payload: u32, size: u32) -> u64:
    return u64(payload) * 0x9E3779B97F4A7C15 ^ u64(size)


def walk_free_list() -> None:
    blocks = 0
    total = u32(0)
    largest = u32(0)
    cur = free_head
    while cur != NIL:
        h = hdr(cur)
        blocks += 1
        total += h[0].size
        if h[0].size > largest:
            largest = h[0].size
        cur = h[0].next
    print(f"free list: blocks={blocks} bytes={total} largest={largest}")


def main() -> None:
    heap_init()
    for s in range(SLOTS):
        LIVE[s] = NIL
    allocs = 0
    frees = 0
    fails = 0
    sum_off = u64(0)
    for op in range(OPS):
        r = rand()
        slot = r % SLOTS
        off = LIVE[slot]
        if off != NIL:
            p = Ptr[u64](addr_of(HEAP).addr + u64(off))
            assert p[0] == tag(off, LIVE_SIZE[slot]), "block overwritten"
            free(off)
            LIVE[slot] = NIL
            frees += 1
        else:
            size = u32(16 + (r >> 32) % 1000)
            if (r >> 20) & 15 == 0:
                size *= 8
            off = alloc(size)
            if off == NIL:
                fails += 1
            else:
                Ptr[u64](addr_of(HEAP).addr + u64(off)).store(tag(off, size))
                LIVE[slot] = off
                LIVE_SIZE[slot] = size
                allocs += 1
                sum_off = sum_off * 31 + u64(off)
    print(f"ops={OPS} allocs={allocs} frees={frees} fails={fails} sum={sum_off:016x}")
    walk_free_list()
    for s in range(SLOTS):
        if LIVE[s] != NIL:
            free(LIVE[s])
    walk_free_list()


if __name__ == "__main__":
    main()
