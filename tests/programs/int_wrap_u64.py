from pythos.lang import u64


def splitmix(state: u64) -> u64:
    z = state + 0x9E3779B97F4A7C15
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
    z = (z ^ (z >> 27)) * 0x94D049BB133111EB
    return z ^ (z >> 31)


def main() -> None:
    mx = ~u64(0)
    print("max", mx)
    print("max+1", mx + 1, "0-1", u64(0) - 1, "max*max", mx * mx)
    print("max==literal", mx == 0xFFFFFFFFFFFFFFFF)
    a = u64(1) << 63
    print("top", a, "top*2", a * 2, "top+top", a + a, "-top", -a)
    print("shl", u64(1) << 64, u64(3) << 62, mx << 100, mx << 63)
    print("shr", mx >> 1, mx >> 63, mx >> 64, a >> 200)
    print("pow", u64(3) ** 40, u64(3) ** 41, u64(2) ** 63, u64(2) ** 64)
    b = u64(0x0123456789ABCDEF)
    print(f"bits {b & 0xFF00FF00FF00FF00:#018x} {b | 0xF:#x} {b ^ mx:#x} {~b:#x}")
    print("neg", -b, -u64(1))
    print("divmod", mx // 10, mx % 10, mx // b, mx % b)
    # factorial mod 2^64
    f = u64(1)
    for i in range(1, 31):
        f *= u64(i)
        if i % 5 == 0:
            print(f"{i}! mod 2^64 = {f}")
    st = u64(0)
    for i in range(5):
        st += 1
        print(f"splitmix {i}: {splitmix(st):016x}")
    # decimal digits of max by repeated division
    digits = 0
    v = mx
    while v:
        v //= 10
        digits += 1
    print("digits", digits)


if __name__ == "__main__":
    main()
