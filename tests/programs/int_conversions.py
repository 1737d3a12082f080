from pythos.lang import u8, u16, u32, u64, i8, i16, i32, i64


def main() -> None:
    print("u8", u8(300), u8(-1), u8(256), u8(-256), u8(i8(-128)), u8(u64(0x1234)))
    print("i8", i8(200), i8(128), i8(255), i8(u8(127)), i8(i32(-129)), i8(u16(0xFF80)))
    print("u16", u16(70000), u16(-1), u16(i8(-1)), u16(i32(-32768)), u16(u8(255)))
    print("i16", i16(u64(0x12345678ABCD)), i16(~u64(0x7FFF)), i16(40000), i16(i8(-5)))
    print("u32", u32(-1), u32(i64(-2)), u32(u64(0x1FFFFFFFF)), u32(i8(-128)), u32(i16(-1)))
    print("i32", i32(u32(0x80000000)), i32(u32(0xFFFFFFFF)), i32(u64(0x100000005)), i32(i8(-7)))
    print("u64", u64(-1), u64(i8(-128)), u64(i32(-1)), u64(u8(200)), u64(i64(-9223372036854775807)))
    print("i64", i64(~u64(1)), i64(u32(0xFFFFFFFF)), i64(i32(-1)), i64(u8(255)))
    print("bool", bool(u8(0)), bool(i32(-1)), bool(u64(1) << 63), bool(i8(0)), bool(0), bool(7))
    print("int", int(u8(255)), int(i8(-5)), int(u32(4000000000)), int(i64(-42)), int(True))
    print("from bool", u8(True), i32(False), u64(True), i8(True), int(False))
    # round trips
    ok = 0
    for v in range(-300, 300, 13):
        x = i16(v)
        if i16(u16(x)) == x and i16(i32(x)) == x and i16(u64(x)) == x:
            ok += 1
    print("roundtrips", ok)
    # truncation keeps low bits only
    big = u64(0x0123456789ABCDEF)
    print(f"{u32(big):#010x} {u16(big):#06x} {u8(big):#04x} {i8(big)} {i16(big)} {i32(big)}")
    # sign extension through a chain
    b = u8(0xF0)
    print("chain", i8(b), i16(i8(b)), u16(i8(b)), u32(i16(i8(b))), u64(i32(i8(b))))
    # zero extension
    print("zext", u16(b), u32(b), u64(b), i16(b), i64(b))
    # conversions of expressions
    c = u8(200)
    d = u8(100)
    print("expr", u16(c) + u16(d), c + d, i16(c) - i16(d) * 3, u32(c) * u32(d) * 1000)


if __name__ == "__main__":
    main()
