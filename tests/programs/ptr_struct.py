from pythos.lang import struct, u8, u16, u32, u64, Array, Ptr, addr_of


@struct
class Entry:
    key: u32
    value: u16
    flags: u8


TABLE = Array[Entry, 8]()


def set_entry(p: Ptr[Entry], i: int, k: u32, v: u16) -> None:
    p[i].key = k
    p[i].value = v
    p[i].flags |= 1


def find(p: Ptr[Entry], n: int, k: u32) -> int:
    for i in range(n):
        if p[i].flags & 1 and p[i].key == k:
            return i
    return -1


def main() -> None:
    base = addr_of(TABLE)
    for i in range(8):
        set_entry(base, i, u32(i * 1000 + 7), u16(i * i))
    print("TABLE[3]", TABLE[3].key, TABLE[3].value, TABLE[3].flags)
    print("find 5007", find(base, 8, u32(5007)), "find 5008", find(base, 8, u32(5008)))
    # a pointer into the middle of the array
    mid = base + 4
    mid[0].value = 999
    mid[1].flags = 0x80
    print("TABLE[4].value", TABLE[4].value, "TABLE[5].flags", TABLE[5].flags)
    print("find 5007 after clearing", find(base, 8, u32(5007)))
    # struct element stride
    print("stride", (base + 1).addr - base.addr)
    # a pointer to a single struct
    e = Entry(1, 2, 3)
    ep = addr_of(e)
    ep[0].key += 41
    ep[0].value = 20
    print("e", e.key, e.value, e.flags)
    # casting a struct pointer to bytes
    raw = Ptr[u8](ep.addr)
    raw[0] = 0xFF
    raw[4] = 0x34
    raw[5] = 0x12
    print(f"e.key={e.key:#x} e.value={e.value:#x}")
    # writing a whole struct through a pointer copies it
    src = Entry(77, 88, 1)
    base[7] = src
    src.key = 0
    print("TABLE[7]", TABLE[7].key, TABLE[7].value)
    # summing via pointer walk
    total = u64(0)
    cur = base
    for i in range(8):
        total += u64(cur[0].key) + u64(cur[0].value)
        cur = cur + 1
    print("total", total)


if __name__ == "__main__":
    main()
