from pythos.lang import u16


def rotl16(x: u16, n: u16) -> u16:
    n = n & 15
    if n == 0:
        return x
    return (x << n) | (x >> (16 - n))


def main() -> None:
    mx = u16(0xFFFF)
    print("max", mx, "max+1", mx + 1, "0-1", u16(0) - 1)
    a = u16(40000)
    b = u16(30000)
    print("add", a + b, "sub", b - a, "mul", a * b)
    print("pow", u16(7) ** 6, u16(2) ** 15, u16(2) ** 16)
    print("shl", a << 1, a << 15, a << 16, a << 40)
    print("shr", a >> 1, a >> 15, a >> 16)
    print("bits", a & b, a | b, a ^ b, ~a, -a)
    print("divmod", a // b, a % b, mx // 3, mx % 1000)
    print("neg1", -u16(1), "negmax", -mx)
    r = u16(0x1234)
    for i in range(5):
        r = rotl16(r, u16(4))
        print(f"rot {i}: {r:#06x}")
    print(f"rot13 {rotl16(u16(0x8001), u16(13)):#06x}")
    # 16-bit LCG, period check over a short run
    s = u16(1)
    total = u16(0)
    for i in range(1000):
        s = s * 25173 + 13849
        total += s
    print("lcg", s, "sum", total)
    # Fibonacci mod 65536
    f0 = u16(0)
    f1 = u16(1)
    for i in range(100):
        t = f0 + f1
        f0 = f1
        f1 = t
    print("fib100 mod 2^16", f0)


if __name__ == "__main__":
    main()
