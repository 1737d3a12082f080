from pythos.lang import i8, i16, i32, i64


def row8(a: i8, b: i8) -> None:
    print(f"i8  {a:>5} {b:>4} -> {a // b:>5} {a % b:>4}")


def row16(a: i16, b: i16) -> None:
    print(f"i16 {a:>7} {b:>4} -> {a // b:>7} {a % b:>4}")


def row32(a: i32, b: i32) -> None:
    print(f"i32 {a:>12} {b:>4} -> {a // b:>12} {a % b:>4}")


def row64(a: i64, b: i64) -> None:
    print(f"i64 {a:>21} {b:>4} -> {a // b:>21} {a % b:>4}")


def main() -> None:
    for a in range(-9, 10, 6):
        for b in range(-4, 5, 3):
            row8(i8(a), i8(b))
    row8(i8(-128), i8(-1))
    row8(i8(-128), i8(1))
    row8(i8(-128), i8(127))
    row8(i8(127), i8(-128))
    row8(i8(-1), i8(-128))
    row16(i16(-32768), i16(-1))
    row16(i16(-32768), i16(7))
    row16(i16(32767), i16(-7))
    row16(i16(-1), i16(32767))
    row16(i16(-12345), i16(-100))
    row32(i32(-2147483648), i32(-1))
    row32(i32(-2147483648), i32(10))
    row32(i32(2147483647), i32(-10))
    row32(i32(-7), i32(2147483647))
    row32(i32(-1000000007), i32(-13))
    mn = i64(-9223372036854775807) - 1
    row64(mn, i64(-1))
    row64(mn, i64(10))
    row64(i64(9223372036854775807), i64(-10))
    row64(i64(-1), mn)
    row64(i64(-123456789012345), i64(-97))
    # modular arithmetic: (-x) mod m always lands in [0, m)
    m = i32(97)
    total = i32(0)
    for v in range(-500, 500, 37):
        r = i32(v) % m
        assert 0 <= r < 97
        total += r
    print("total", total)
    # negative modulus always lands in (m, 0]
    neg = i16(0)
    for v in range(-50, 50, 9):
        r16 = i16(v) % i16(-11)
        assert -11 < r16 <= 0
        neg += r16
    print("neg", neg)


if __name__ == "__main__":
    main()
