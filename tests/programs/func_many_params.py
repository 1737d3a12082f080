from pythos.lang import u8, u16, u32, u64, i8, i16, i32, i64


def mix8(a: u8, b: u16, c: u32, d: u64, e: i8, f: i16, g: i32, h: i64) -> i64:
    return i64(a) + i64(b) * 2 + i64(c) * 3 + i64(d) * 4 + i64(e) * 5 + i64(f) * 6 + i64(g) * 7 + h * 8


def ten(p0: int, p1: int, p2: int, p3: int, p4: int, p5: int, p6: int, p7: int, p8: int, p9: int) -> int:
    return p0 - p1 + p2 - p3 + p4 - p5 + p6 - p7 + p8 - p9


def weighted(a: u32, b: u32, c: u32, d: u32, e: u32, f: u32, g: u32, h: u32, i: u32, j: u32, k: u32, l: u32) -> u32:
    return a * 1 + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 + j * 10 + k * 11 + l * 12


def flags(a: bool, b: bool, c: bool, d: bool, e: bool, f: bool, g: bool, h: bool, i: bool) -> u16:
    r = u16(0)
    r |= u16(a) << 0
    r |= u16(b) << 1
    r |= u16(c) << 2
    r |= u16(d) << 3
    r |= u16(e) << 4
    r |= u16(f) << 5
    r |= u16(g) << 6
    r |= u16(h) << 7
    r |= u16(i) << 8
    return r


def strs(a: str, b: str, c: str, d: str, e: str, n: int, last: str) -> None:
    print(a, b, c, d, e, n, last, sep="|")


def main() -> None:
    print("mix8", mix8(u8(255), u16(65535), u32(4294967295), u64(1) << 40, i8(-128), i16(-32768), i32(-2147483648), i64(-1)))
    print("mix8 small", mix8(u8(1), u16(2), u32(3), u64(4), i8(5), i16(6), i32(7), i64(8)))
    print("ten", ten(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), ten(10, 9, 8, 7, 6, 5, 4, 3, 2, 1))
    print("weighted", weighted(u32(1), u32(1), u32(1), u32(1), u32(1), u32(1), u32(1), u32(1), u32(1), u32(1), u32(1), u32(1)))
    print("weighted wrap", weighted(u32(400000000), u32(1), u32(2), u32(3), u32(4), u32(5), u32(6), u32(7), u32(8), u32(9), u32(10), u32(400000000)))
    print("flags", flags(True, False, True, False, True, False, True, False, True))
    print("flags2", flags(False, False, False, False, False, False, False, False, True))
    strs("a", "bb", "ccc", "", "eeeee", -6, "end")
    # keyword calls to the 10-parameter function
    print("kw", ten(p9=0, p8=0, p7=0, p6=0, p5=0, p4=0, p3=0, p2=0, p1=1, p0=100))


if __name__ == "__main__":
    main()
