from pythos.lang import u8


def show(label: str, v: u8) -> None:
    print(f"{label}: {v} 0x{v:02x} {v:08b}")


def main() -> None:
    a = u8(250)
    b = u8(10)
    show("add", a + b)
    show("sub", b - a)
    show("mul", a * b)
    show("pow", u8(3) ** 6)
    show("pow0", b ** 0)
    show("pow2_8", u8(2) ** 8)
    show("shl", a << 1)
    show("shl8", a << 8)
    show("shl200", a << 200)
    show("shr", a >> 3)
    show("shr9", a >> 9)
    show("and", a & b)
    show("or", a | u8(5))
    show("xor", a ^ b)
    show("inv", ~a)
    show("inv0", ~u8(0))
    show("neg", -b)
    show("negzero", -u8(0))
    mx = u8(255)
    show("max+1", mx + 1)
    show("min-1", u8(0) - 1)
    show("max*max", mx * mx)
    show("div", mx // 16)
    show("mod", mx % 16)
    show("div7", u8(200) // u8(7))
    show("mod7", u8(200) % u8(7))
    acc = u8(0)
    for i in range(100):
        acc += u8(i) * 3
    show("acc", acc)
    x = u8(7)
    steps = 0
    while x != 0:
        x += 7
        steps += 1
    print("steps", steps)
    # multiplicative inverse of 7 modulo 256 by brute force
    inv = u8(0)
    for k in range(256):
        if u8(k) * 7 == 1:
            inv = u8(k)
    show("inv7", inv)
    show("check", inv * 7)


if __name__ == "__main__":
    main()
