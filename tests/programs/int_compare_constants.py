"""Comparisons whose two sides are both untyped constants compare plain
ints, exactly, even inside a chain with a typed operand; and bools are
ordered (False < True), as in CPython."""

from typing import Final

from pythos.lang import u8, u64

BIG: Final = 2**64 - 1
HUGE: Final = 2**70


def order(a: bool, b: bool) -> None:
    print(a < b, a <= b, a > b, a >= b, a == b, a != b, a < b <= True)


def main() -> None:
    x = u64(18446744073709551615)
    print(x == 18446744073709551615 == 18446744073709551615)
    print(x == BIG == 2**64 - 1, x == BIG != HUGE, x == BIG > HUGE)
    print(0 < x > 5 < BIG, 1 < 2 < 3, 3 < 2 < x, HUGE > BIG)
    y = u8(7)
    print(-1 < 0 <= y < 200 < 300, y < 200 < 100)
    print(5 == 5, 5 != 5, -(2**80) < 0, BIG == 2**64 - 1)
    for a in range(2):
        for b in range(2):
            order(a == 1, b == 1)


if __name__ == "__main__":
    main()
