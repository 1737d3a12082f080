from pythos.lang import u8, u32, u64, i8, i32, i64


def sign_u(x: i32) -> str:
    if x < 0:
        return "neg"
    elif x == 0:
        return "zero"
    return "pos"


def main() -> None:
    # unsigned comparisons at the edges
    a = u64(0) - 1
    b = u64(1)
    print("u64", a > b, a < b, a == 0xFFFFFFFFFFFFFFFF, a >= a, b <= a, a != b)
    # the same bits compare differently when signed
    print("i64", i64(a) > i64(b), i64(a) < i64(b), i64(a) == -1)
    c = u8(0x80)
    print("u8 vs i8", c > 127, i8(c) < 0, i8(c) == -128, u8(i8(c)) == c)
    # comparisons of wrapped results
    x = u32(0xFFFFFFF0)
    y = x + 0x20
    print("wrapped", y, y < x, y - x, x - y)
    # min/max helpers over mixed-sign data
    lo = i32(2147483647)
    hi = i32(-2147483648)
    for v in range(-50, 51, 7):
        w = i32(v) * i32(v) * i32(v)
        if w < lo:
            lo = w
        if w > hi:
            hi = w
        print(v, w, sign_u(w))
    print("lo", lo, "hi", hi)
    # comparison results as values
    t = 3 < 5
    f = 5 < 3
    print("bools", t, f, t == f, t != f, not t, t and f, t or f)
    # equality of negatives and boundary
    n1 = i8(-1)
    n2 = i8(255 - 256)
    print("eq", n1 == n2, n1 != n2, n1 <= n2 <= n1)


if __name__ == "__main__":
    main()
