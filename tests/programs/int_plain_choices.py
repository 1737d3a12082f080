"""Values that are plain ints under CPython (bare literals, untyped
constants, len(), range() and bytes loop variables) reach sized storage
only through a conversion, even inside a conditional expression, `and` or
`or`; where the width cannot matter (printing, comparing, indexing,
converting, storing into a field or element, which converts) they are
used as they are."""

from typing import Final

from pythos.lang import Array, struct, u8, u16, u64

LIMIT: Final = 200
TOP: Final = u64(2**64 - 1)
BYTE: Final = u8(200)
STEP: Final[int] = 60  # an int constant is the untyped constant it is under CPython


@struct
class Cell:
    value: u8


def pick(c: bool, x: u8) -> u8:
    return u8(200) if c else x


def either(x: u8) -> u8:
    return x or u8(LIMIT)


def main() -> None:
    x = u8(3)
    for c in range(2):
        flag = c == 1
        v: u8 = u8(200) if flag else x
        w = x and u8(250)
        print(v + 100, w + 100, pick(flag, x) + 100, either(u8(0)) + 100)
        # Printing, comparing and converting see the same value either way.
        print(200 if flag else x, (LIMIT if flag else x) == 200, u16(200 if flag else x) + 100)
        cell = Cell()
        cell.value = x or 250
        table = Array[u8, 4]()
        table[c] = 255 if flag else x
        print(cell.value + 10, table[c] + 1, (x if flag else 7) < 5)
    print(BYTE + 100, TOP + 1, LIMIT + 100, BYTE + STEP, STEP * STEP)
    data = b"\xfe\x01"
    total = u8(0)
    for b in data:
        total += u8(b)
    n = u64(len(data))
    print(total, n * TOP, u8(data[0]) + 3)
    for i in range(u8(250), u8(253)):
        print(u8(i) + 10, i)


if __name__ == "__main__":
    main()
