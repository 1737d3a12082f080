from pythos.lang import u8, u16, u32, u64, i8, i16, i32, i64


def main() -> None:
    # shift every width by counts around and beyond the width
    for s in range(0, 70, 7):
        print(
            f"s={s:2}",
            u8(0xA5) << u8(s), u8(0xA5) >> u8(s),
            u16(0xA5A5) << u16(s), u16(0xA5A5) >> u16(s),
            u32(0xA5A5A5A5) >> u32(s),
            i8(-91) >> i8(s), i16(-23131) >> i16(s), i32(-5) >> i32(s),
        )
    pat = (u64(0xA5A5A5A5) << 32) | 0xA5A5A5A5
    for s in range(60, 67):
        print(
            f"s={s}",
            pat << u64(s),
            pat >> u64(s),
            i64(-6) >> i64(s),
            i64(6) >> i64(s),
            i64(3) << i64(s),
        )
    print("u32<<", u32(0xA5A5A5A5) << 33, u32(1) << 31, u32(3) << 31)
    print("i8<<", i8(1) << 6, i8(1) << 7, i8(3) << 7, i8(-1) << 100, i8(5) >> 127)
    print("i16<<", i16(1) << 15, i16(-3) << 15, i16(1) << 16)
    print("i32<<", i32(1) << 30, i32(1) << 31, i32(-1) << 32)
    # building masks with shifts
    for w in range(1, 9):
        m8 = (u8(1) << u8(w)) - 1
        m64 = (u64(1) << u64(w * 8)) - 1
        print(f"w={w} m8={m8:#04x} m64={m64:#x}")
    # arithmetic vs logical right shift of the same bits
    v = i32(-256)
    print("arith", v >> 4, "logical", i32(u32(v) >> 4))


if __name__ == "__main__":
    main()
