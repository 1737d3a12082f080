from pythos.lang import struct, sizeof, u8, u16, u32, u64, i64, Array, Ptr


@struct
class A:
    a: u8
    b: u32


@struct(packed=True)
class AP:
    a: u8
    b: u32


@struct(packed=True)
class GdtEntry:
    limit_low: u16
    base_low: u16
    base_mid: u8
    access: u8
    granularity: u8
    base_high: u8


@struct(packed=True)
class Gdtr:
    limit: u16
    base: u64


@struct
class WithArray:
    n: u8
    data: Array[u16, 5]
    p: Ptr[u8]


def main() -> None:
    print("A", sizeof(A), "AP", sizeof(AP))
    print("GdtEntry", sizeof(GdtEntry), "Gdtr", sizeof(Gdtr))
    print("WithArray", sizeof(WithArray))
    print("ints", sizeof(u8), sizeof(u16), sizeof(u32), sizeof(u64))
    table = Array[GdtEntry, 5]()
    print("gdt limit", i64(sizeof(GdtEntry)) * len(table) - 1)
    e = GdtEntry(0xFFFF, 0, 0, 0x9A, 0xAF, 0)
    print(f"access {e.access:#x} gran {e.granularity:#x} limit {e.limit_low:#x}")


if __name__ == "__main__":
    main()
