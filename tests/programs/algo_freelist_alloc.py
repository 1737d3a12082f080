from typing import Final

from pythos.lang import struct, u8, u32, u64, Array, Ptr, addr_of

HEAP_SIZE: Final = 2048
HDR: Final = 16
HEAP = Array[u8, 2048]()
NIL: Final = u32(0xFFFFFFFF)


@struct
class Header:
    size: u32  # payload bytes
    next: u32  # offset of the next free block, NIL at the end
    used: u32
    magic: u32


free_head = u32(0)


def hdr(off: u32) -> Ptr[Header]:
    return Ptr[Header](addr_of(HEAP).addr + u64(off))


def init() -> None:
    global free_head
    h = hdr(u32(0))
    h[0].size = u32(HEAP_SIZE - HDR)
    h[0].next = u32(NIL)
    h[0].used = 0
    h[0].magic = 0xA110C
    free_head = u32(0)


def alloc(n: u32) -> u32:
    # returns the payload offset, or NIL
    global free_head
    need = (n + 15) & ~u32(15)
    prev = u32(NIL)
    cur = free_head
    while cur != NIL:
        h = hdr(cur)
        if h[0].size >= need:
            if h[0].size >= need + u32(HDR) + 16:
                rest = cur + u32(HDR) + need
                r = hdr(rest)
                r[0].size = h[0].size - need - u32(HDR)
                r[0].next = h[0].next
                r[0].used = 0
                r[0].magic = 0xA110C
                h[0].size = need
                h[0].next = rest
            if prev == NIL:
                free_head = h[0].next
            else:
                hdr(prev)[0].next = h[0].next
            h[0].used = 1
            h[0].next = u32(NIL)
            return cur + u32(HDR)
        prev = cur
        cur = h[0].next
    return u32(NIL)


def free(payload: u32) -> None:
    # insert sorted by offset, then coalesce neighbours
    global free_head
    off = payload - u32(HDR)
    h = hdr(off)
    assert h[0].magic == 0xA110C, "bad magic"
    assert h[0].used == 1, "double free"
    h[0].used = 0
    prev = u32(NIL)
    cur = free_head
    while cur != NIL and cur < off:
        prev = cur
        cur = hdr(cur)[0].next
    h[0].next = cur
    if prev == NIL:
        free_head = off
    else:
        hdr(prev)[0].next = off
    # merge with next
    if cur != NIL and off + u32(HDR) + h[0].size == cur:
        h[0].size += u32(HDR) + hdr(cur)[0].size
        h[0].next = hdr(cur)[0].next
    # merge with previous
    if prev != NIL:
        p = hdr(prev)
        if prev + u32(HDR) + p[0].size == off:
            p[0].size += u32(HDR) + h[0].size
            p[0].next = h[0].next


def dump() -> None:
    cur = free_head
    print("free:", end="")
    total = u32(0)
    while cur != NIL:
        h = hdr(cur)
        print(f" [{cur}+{h[0].size}]", end="")
        total += h[0].size
        cur = h[0].next
    print(f" total={total}")


def fill(payload: u32, n: u32, v: u8) -> None:
    p = Ptr[u8](addr_of(HEAP).addr + u64(payload))
    for i in range(int(n)):
        p[i] = v


def checksum(payload: u32, n: u32) -> u32:
    p = addr_of(HEAP) + int(payload)
    s = u32(0)
    for i in range(int(n)):
        s = s * 31 + u32(p[i])
    return s


def main() -> None:
    init()
    dump()
    a = alloc(u32(100))
    b = alloc(u32(200))
    c = alloc(u32(50))
    print("a", a, "b", b, "c", c)
    fill(a, u32(100), u8(0xAA))
    fill(b, u32(200), u8(0xBB))
    fill(c, u32(50), u8(0xCC))
    dump()
    print("checksums", checksum(a, u32(100)), checksum(b, u32(200)), checksum(c, u32(50)))
    free(b)
    dump()
    d = alloc(u32(64))
    print("d", d, "reuses b's space", d == b)
    free(a)
    dump()
    free(d)
    dump()
    free(c)
    dump()
    big = alloc(u32(HEAP_SIZE - HDR))
    print("big", big)
    too_big = alloc(u32(16))
    print("too big", too_big == NIL)
    free(big)
    dump()
    # many small allocations until exhaustion
    count = 0
    last = u32(0)
    while True:
        x = alloc(u32(24))
        if x == NIL:
            break
        last = x
        count += 1
    print("small allocs", count, "last", last)
    print("heap byte at a", HEAP[int(a)], "header magic", hdr(u32(0))[0].magic)


if __name__ == "__main__":
    main()
