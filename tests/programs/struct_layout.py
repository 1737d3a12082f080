from pythos.lang import struct, u8, u16, u32, u64, i8, Array, Ptr, addr_of


@struct
class Padded:
    a: u8
    b: u32
    c: u8
    d: u64
    e: u16


@struct(packed=True)
class Packed:
    a: u8
    b: u32
    c: u8
    d: u64
    e: u16


@struct(packed=True)
class DescriptorPointer:
    limit: u16
    base: u64


@struct
class Inner:
    x: u8
    y: u16


@struct
class Outer:
    tag: u8
    inner: Inner
    arr: Array[u32, 3]
    flag: bool
    last: i8


def dump(base: u64, n: int) -> None:
    # print n bytes of memory starting at base, as hex
    p = Ptr[u8](base)
    for i in range(n):
        print(f"{p[i]:02x}", end="" if i + 1 == n else " ")
    print()


def main() -> None:
    # array strides give the C sizes
    pa = Array[Padded, 2]()
    ka = Array[Packed, 2]()
    da = Array[DescriptorPointer, 2]()
    oa = Array[Outer, 2]()
    ia = Array[Inner, 2]()
    print("strides", addr_of(pa[1]).addr - addr_of(pa[0]).addr, addr_of(ka[1]).addr - addr_of(ka[0]).addr,
          addr_of(da[1]).addr - addr_of(da[0]).addr, addr_of(oa[1]).addr - addr_of(oa[0]).addr,
          addr_of(ia[1]).addr - addr_of(ia[0]).addr)
    # fill fields with marker values and look at the bytes: padding stays zero
    pa[0].a = 0x11
    pa[0].b = 0x22222222
    pa[0].c = 0x33
    pa[0].d = 0x4444444444444444
    pa[0].e = 0x5555
    dump(addr_of(pa).addr, 32)
    ka[0].a = 0xAB
    ka[0].b = 0x12345678
    ka[0].c = 0xCD
    ka[0].d = 0x1122334455667788
    ka[0].e = 0xBEEF
    dump(addr_of(ka).addr, 16)
    print(f"{ka[0].a:#x} {ka[0].b:#x} {ka[0].c:#x} {ka[0].d:#x} {ka[0].e:#x}")
    # writing bytes changes the unaligned fields
    bp = Ptr[u8](addr_of(ka).addr)
    bp[1] = 0xFF
    bp[4] = 0x00
    bp[13] = 0x99
    print(f"b now {ka[0].b:#010x} d now {ka[0].d:#x}")
    da[1].limit = 0x0FFF
    da[1].base = 0xFFFF800000001000
    dump(addr_of(da).addr + 10, 10)
    oa[0].tag = 1
    oa[0].inner.x = 2
    oa[0].inner.y = 0x0303
    oa[0].arr[0] = 0x04040404
    oa[0].arr[2] = 0x06060606
    oa[0].flag = True
    oa[0].last = -1
    dump(addr_of(oa).addr, 24)
    # the struct view of the same bytes through a pointer
    op = addr_of(oa)
    print("via ptr", op[0].tag, op[0].inner.y, op[0].arr[2], op[0].flag, op[0].last)
    op[1].last = 5
    print("second", oa[1].last, oa[1].tag)


if __name__ == "__main__":
    main()
