from pythos.lang import struct, u8, u32, u64, Array, Ptr, addr_of

MMIO = Array[u32, 16]()


@struct
class Device:
    regs: Array[u32, 4]
    status: u32


def write_reg(base: Ptr[u32], index: int, value: u32) -> None:
    (base + index).volatile_store(value)


def read_reg(base: Ptr[u32], index: int) -> u32:
    return (base + index).volatile_load()


def main() -> None:
    a = addr_of(MMIO)
    b = Ptr[u32](a.addr)
    a[2] = 10
    print("b[2] sees", b[2])
    b[2] += 5
    print("a[2] sees", a[2], "MMIO[2]", MMIO[2])
    # overlapping pointers at different offsets
    c = a + 2
    c[1] = 33
    print("a[3]", a[3], "c[-2]", c[-2])
    # volatile writes and reads on owned memory
    for i in range(16):
        write_reg(a, i, u32(i) << 8 | 0x5)
    acc = u32(0)
    for i in range(16):
        acc ^= read_reg(a, i)
    print(f"acc {acc:#x} MMIO[15] {MMIO[15]:#x}")
    # a status register polled until a bit is set
    dev = Device()
    st = Ptr[u32](addr_of(dev).addr + 16)
    polls = 0
    while st.volatile_load() & 0x4 == 0:
        polls += 1
        st.volatile_store(st.volatile_load() + 1)
    print("polls", polls, "status", dev.status)
    # two byte-pointers into the same u32 (little-endian byte order)
    rp = addr_of(dev.regs)
    rp[0] = 0x11223344
    lo = Ptr[u8](rp.addr)
    hi = Ptr[u8](rp.addr + 3)
    print(f"lo {lo.volatile_load():#x} hi {hi.load():#x}")
    hi.volatile_store(u8(0xEE))
    lo.store(u8(0x00))
    print(f"reg0 {dev.regs[0]:#010x}")
    # pointer equality is by address
    p1 = addr_of(MMIO) + 4
    p2 = Ptr[u32](addr_of(MMIO).addr + 16)
    print("same address", p1.addr == p2.addr, p1[0] == p2[0])
    p2[0] = 1234
    print("p1 sees", p1[0])
    w = Ptr[u64](addr_of(MMIO).addr)
    w.volatile_store(u64(0x0102030405060708))
    print(f"MMIO[0] {MMIO[0]:#x} MMIO[1] {MMIO[1]:#x}")


if __name__ == "__main__":
    main()
