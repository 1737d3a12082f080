from typing import Final

from pythos.lang import u64, i64, Array, Ptr, addr_of

# A two-level page table simulation over an array standing in for memory.
# Each table has 16 entries of 8 bytes; virtual addresses have 4+4 index bits
# above a 12-bit page offset.
MEM = Array[u64, 256]()
PRESENT: Final = u64(1)
WRITABLE: Final = u64(2)
ADDR_MASK: Final = u64(0xFFFFFFFFFFFFF000)
next_table = 1


def table_ptr(index: int) -> Ptr[u64]:
    return addr_of(MEM) + index * 16


def alloc_table() -> u64:
    global next_table
    t = next_table
    next_table += 1
    p = table_ptr(t)
    for i in range(16):
        p[i] = 0
    # store the table number shifted as if it were a physical address
    return u64(t) << 12


def map_page(virt: u64, phys: u64, flags: u64) -> None:
    root = table_ptr(0)
    i1 = i64((virt >> 16) & 0xF)
    i2 = i64((virt >> 12) & 0xF)
    e = root[i1]
    if e & u64(PRESENT) == 0:
        e = alloc_table() | u64(PRESENT) | u64(WRITABLE)
        root[i1] = e
    leaf = table_ptr(i64((e & u64(ADDR_MASK)) >> 12))
    leaf[i2] = (phys & u64(ADDR_MASK)) | flags | u64(PRESENT)


def translate(virt: u64) -> u64:
    root = table_ptr(0)
    e = root[i64((virt >> 16) & 0xF)]
    if e & u64(PRESENT) == 0:
        return ~u64(0)
    leaf = table_ptr(i64((e & u64(ADDR_MASK)) >> 12))
    pte = leaf[i64((virt >> 12) & 0xF)]
    if pte & u64(PRESENT) == 0:
        return ~u64(0)
    return (pte & u64(ADDR_MASK)) | (virt & 0xFFF)


def unmap(virt: u64) -> None:
    root = table_ptr(0)
    e = root[i64((virt >> 16) & 0xF)]
    if e & u64(PRESENT):
        leaf = table_ptr(i64((e & u64(ADDR_MASK)) >> 12))
        leaf[i64((virt >> 12) & 0xF)] = 0


def main() -> None:
    map_page(u64(0x00000), u64(0x100000), u64(WRITABLE))
    map_page(u64(0x01000), u64(0x200000), u64(0))
    map_page(u64(0x35000), u64(0xABC000), u64(WRITABLE))
    map_page(u64(0xF7000), u64(0x7000), u64(0))
    for v in range(0, 0x100000, 0x9A5):
        va = u64(v)
        pa = translate(va)
        if pa != ~u64(0):
            print(f"{va:#08x} -> {pa:#010x}")
    print("tables used", next_table)
    unmap(u64(0x01000))
    print(f"after unmap {translate(u64(0x01234)):#x} {translate(u64(0x00123)):#x}")
    present = 0
    for i in range(len(MEM)):
        if MEM[i] & u64(PRESENT):
            present += 1
    print("present entries", present)
    for t in range(next_table):
        p = table_ptr(t)
        print(f"table {t}:", end="")
        for i in range(16):
            if p[i]:
                print(f" [{i}]={p[i]:#x}", end="")
        print()


if __name__ == "__main__":
    main()
