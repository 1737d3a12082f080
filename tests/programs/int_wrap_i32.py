from pythos.lang import i32


def hash_step(h: i32, v: i32) -> i32:
    return h * 31 + v


def main() -> None:
    mn = i32(-2147483648)
    mx = i32(2147483647)
    print("edges", mx + 1, mn - 1, -mn, mn * -1, mn // -1, mn % -1)
    print("mul", mx * mx, mn * mn, mx * 2, i32(65536) * i32(65536), i32(-46341) * i32(46341))
    print("pow", i32(3) ** 20, i32(-3) ** 21, i32(2) ** 31, i32(10) ** 10)
    print("shl", i32(1) << 31, i32(1) << 32, i32(-1) << 31, i32(12345) << 70)
    print("shr", mn >> 31, mn >> 32, mx >> 30, i32(-9) >> 2, i32(-1) >> 99)
    print("bits", ~mn, ~mx, mn & mx, mn | mx, mn ^ i32(-1))
    for a in range(-7, 8, 7):
        for b in range(-3, 4, 2):
            x = i32(a)
            y = i32(b)
            print(f"{a} // {b} = {x // y}, {a} % {b} = {x % y}")
    big = i32(-2000000000)
    print("big", big // 3, big % 3, big // -3, big % -3, big - 2000000000)
    # Java-style string hash over a sequence of ints
    h = i32(0)
    for i in range(1000):
        h = hash_step(h, i32(i * 7))
    print("hash", h)
    # absolute value with wrap (abs(min) stays min)
    vals = 0
    for v in range(5):
        w = mn + i32(v)
        neg = -w if w < 0 else w
        print("abs", w, neg)
        vals += 1
    print("vals", vals)


if __name__ == "__main__":
    main()
