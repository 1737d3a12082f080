from pythos.lang import u8, u16, u32, u64, i32, Array, Ptr, addr_of

WORDS = Array[u32, 8]()


def sum_via_ptr(p: Ptr[u32], n: int) -> u64:
    s = u64(0)
    for i in range(n):
        s += u64(p[i])
    return s


def fill_via_ptr(p: Ptr[u32], n: int, start: u32) -> None:
    for i in range(n):
        p[i] = start + u32(i) * 3


def main() -> None:
    p = addr_of(WORDS)
    fill_via_ptr(p, 8, u32(100))
    print("WORDS", WORDS[0], WORDS[1], WORDS[7])
    print("sum", sum_via_ptr(p, 8), "sum tail", sum_via_ptr(p + 5, 3))
    # p + n advances by whole elements
    q = p + 3
    print("q[0]", q[0], "q[-1]", q[-1], "distance", q.addr - p.addr)
    q[0] = 7
    print("WORDS[3]", WORDS[3])
    # load and store are p[0]
    r = p + 7
    print("load", r.load())
    r.store(u32(4000000000))
    print("after store", WORDS[7], r.load() + 500000000)
    # a pointer to a local array
    loc = Array[i32, 5]()
    lp = addr_of(loc)
    for i in range(5):
        lp[i] = i32(i * i) - 10
    print("loc", loc[0], loc[1], loc[2], loc[3], loc[4])
    # walking a pointer forward
    w = addr_of(loc)
    total = i32(0)
    for i in range(5):
        total += w.load()
        w = w + 1
    print("walk total", total, "walked bytes", w.addr - lp.addr)
    # reinterpreting the same memory at another width (little-endian)
    b = Array[u8, 8]()
    for i in range(8):
        b[i] = u8(0x10 * i + i)
    as16 = Ptr[u16](addr_of(b).addr)
    as32 = Ptr[u32](addr_of(b).addr)
    as64 = Ptr[u64](addr_of(b).addr)
    print(f"{as16[0]:#06x} {as16[3]:#06x} {as32[1]:#010x} {as64[0]:#018x}")
    as32[0] = 0xAABBCCDD
    print(f"bytes {b[0]:x} {b[1]:x} {b[2]:x} {b[3]:x} {b[4]:x}")
    # null pointer is just address 0
    z = Ptr[u8](0)
    print("null", z.addr, z.addr == 0)


if __name__ == "__main__":
    main()
