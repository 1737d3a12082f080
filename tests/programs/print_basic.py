from pythos.lang import u8, u16, u32, u64, i8, i16, i32, i64


def main() -> None:
    print()
    print("one")
    print("two", "args")
    print(1, 2, 3)
    print(-1, -128, i8(-128), i16(-32768), i32(-2147483648), i64(-9223372036854775807) - 1)
    print(u8(255), u16(65535), u32(4294967295), ~u64(0))
    print(True, False, 1 == 1, 2 < 1)
    print("a", "b", "c", sep="")
    print("a", "b", "c", sep=", ")
    print("x", end="")
    print("y", end="")
    print()
    print("line", end="\n\n")
    print("sep and end", 42, sep=":", end=".\n")
    print(0, -0, 00, 0x0, 0o17, 0b101, 1_000_000)
    print("", "")
    print("", end="")
    print(sep="-")
    print("mixed", 7, True, "str", u8(9), sep="|")
    # empty-string separator with many values
    for i in range(3):
        print(i, i * i, -i, sep="", end=" ")
    print()
    # printing expressions
    a = i32(7)
    b = i32(-3)
    print(a + b, a - b, a * b, a // b, a % b, -a, a > b, a == b)
    print(u8(250) + u8(10), i8(100) + i8(100))


if __name__ == "__main__":
    main()
