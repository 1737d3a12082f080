from pythos.lang import u32


def mix(h: u32) -> u32:
    h ^= h >> 16
    h *= 0x7FEB352D
    h ^= h >> 15
    h *= 0x846CA68B
    h ^= h >> 16
    return h


def main() -> None:
    mx = u32(0xFFFFFFFF)
    print("max", mx, "max+1", mx + 1, "0-1", u32(0) - 1)
    a = u32(3000000000)
    b = u32(2000000000)
    print("add", a + b, "sub", b - a, "mul", a * b)
    print("pow", u32(3) ** 20, u32(3) ** 21, u32(2) ** 32, u32(10) ** 9)
    print("shl", a << 1, u32(1) << 31, u32(1) << 32, a << 100)
    print("shr", a >> 1, a >> 31, a >> 32)
    print("bits", a & b, a | b, a ^ b, ~a, -a, -u32(1))
    print("divmod", a // b, a % b, mx // 7, mx % 7)
    print(f"mask {a & 0xFFFF:#x} {a >> 16:#x}")
    for i in range(6):
        print(f"mix({i}) = {mix(u32(i)):08x}")
    # wrapping sum of squares
    s = u32(0)
    for i in range(1, 100001, 7):
        v = u32(i)
        s += v * v
    print("sumsq", s)
    # isqrt by Newton on u32
    n = u32(4000000000)
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    print("isqrt", x, x * x <= n, (x + 1) * (x + 1) > n)


if __name__ == "__main__":
    main()
