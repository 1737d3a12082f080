from pythos.lang import i64, u64


def main() -> None:
    mn = i64(-9223372036854775807) - 1
    mx = i64(9223372036854775807)
    print("min", mn, "max", mx)
    print("edges", mx + 1, mn - 1, -mn, mn * -1, mn // -1, mn % -1)
    print("mul", mx * mx, mn * mn, mx * 2, mn * 3)
    print("pow", i64(3) ** 39, i64(3) ** 40, i64(-3) ** 41, i64(2) ** 63, i64(2) ** 64)
    print("shl", i64(1) << 63, i64(1) << 64, i64(-1) << 63, i64(7) << 62)
    print("shr", mn >> 63, mn >> 64, mn >> 1, mx >> 62, i64(-1) >> 200)
    print("bits", ~mn, ~mx, mn & mx, mn | mx, mn ^ i64(-1))
    a = i64(-1000000000000)
    print("div", a // 7, a % 7, a // -7, a % -7, (-a) // 7, (-a) % 7)
    print("min//2", mn // 2, "min%2", mn % 2, "min//max", mn // mx, "min%max", mn % mx)
    # conversion to and from u64
    print("u64", u64(mn), u64(i64(-1)), i64(~u64(0)), i64(u64(1) << 63))
    # FNV-style multiply-accumulate in signed 64-bit
    h = i64(-3750763034362895579)
    for i in range(256):
        h ^= i64(i)
        h *= 1099511628211
    print("h", h)
    # triangular numbers until the i64 sum overflows into negative
    t = i64(0)
    k = i64(0)
    while t >= 0:
        k += 1
        t += k * k * k
    print("cubes overflow at", k, "sum", t)


if __name__ == "__main__":
    main()
