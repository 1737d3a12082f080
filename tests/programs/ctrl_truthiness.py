from pythos.lang import u8, u16, u64, i8, i64


def describe(x: i64) -> str:
    if x:
        return "truthy"
    return "falsy"


def count_bits(x: u16) -> int:
    n = 0
    while x:
        n += int(x & 1)
        x >>= 1
    return n


def main() -> None:
    for v in range(-2, 3):
        print(v, describe(i64(v)), bool(v), not v)
    print("u8 0", bool(u8(0)), "u8 wrap", bool(u8(255) + 1), "i8 min", bool(i8(-128)))
    print("u64 top", bool(u64(1) << 63), "shifted out", bool(u64(1) << 64))
    print("bits", count_bits(u16(0)), count_bits(u16(0xFFFF)), count_bits(u16(0x1234)))
    x = u8(3)
    y = u8(0)
    if x and not y:
        print("x and not y")
    if y or x:
        print("y or x")
    if not (x and y):
        print("not (x and y)")
    z = y or u8(9)
    print("z", z)
    # loop until a value becomes zero through wrapping
    w = u8(200)
    n = 0
    while w:
        w += 8
        n += 1
    print("n", n)
    t = True
    f = False
    print("bool ops", t and t, t and f, f or t, f or f, not t, not f)
    print("bool conv", int(t), int(f), u8(t) + u8(t), i8(f) - i8(t))
    flag = bool(u16(256))
    if flag:
        print("flag set")


if __name__ == "__main__":
    main()
