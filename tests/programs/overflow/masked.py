"""`& MASK`, MASK a constant from 0 below 2**63, keeps only low bits, and
the low bits of `+`, `-`, `*`, `<<`, unary `-` and `~` are the same
whether a plain int grows (CPython) or wraps: so under a mask those
operations do not raise, and the result is exactly CPython's.  Anything
between them and the mask that needs the high bits (`>>`, `//`, `%`, a
call, a comparison), or a negative mask, keeps the check.
"""

from pythos.lang import u8

LO = -(2 ** 63)
HI = 2 ** 63 - 1


def scramble(x: int, k: int) -> int:
    return (x * 0x9E3779B97F4A7C15 + k) & 0xFFFF_FFFF_FFFF


def grows(x: int) -> int:
    return x * 4


def main() -> None:
    big = 2 ** 62
    print([scramble(x, 7) for x in (0, 1, -1, big, LO, HI)])
    h = 0x811C9DC5
    for ch in "overflow under a mask" * 3:
        h = ((h ^ ord(ch)) * 0x0100_0000_01B3) & 0xFFFF_FFFF
        h = ((h << 29) + (h << 61) - h * big) & 0x7FFF_FFFF_FFFF_FFFF
    print(h)
    print((LO - 1) & 0xFF, (HI + 1) & 0xFF, (-LO) & 0x7FFF_FFFF_FFFF_FFFF, (LO * -1) & 1)
    print((big << 3) & 0xFFFF, (HI << 70) & 0xFF, (1 << 63) & 0x7FFF, 0xFFFF & (big * 8 + 5))
    print((~HI * HI) & 0x3FF, ((HI + HI) | (LO - LO)) & 0xFFF, ((big * 4) ^ 3) & 7)
    print((HI * HI + LO * LO) & 0xFFFF_FFFF, (-(LO) - 1) & 0x7FFF_FFFF_FFFF_FFFF)
    n = u8(250)
    print((n + u8(10)) & u8(0xF), (HI * 3) & 0)
    # Still checked: the high bits matter, or the mask is not a constant
    # from 0 below 2**63.
    for name in ("shift", "floordiv", "call", "negative mask", "variable mask"):
        try:
            if name == "shift":
                print(((big * 4) >> 3) & 0xFF)
            elif name == "floordiv":
                print(((big + big) // 2) & 0xFF)
            elif name == "call":
                print(grows(big) & 0xFF)
            elif name == "negative mask":
                print((big * 4) & -256)
            else:
                mask = 0xFF
                print((big * 4) & mask)
        except OverflowError as e:
            print(name, e)


if __name__ == "__main__":
    main()
