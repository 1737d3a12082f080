"""Where the plain int's checks are, and where sized types still wrap.

`int` (and what nothing else types: literals, len(), int()) raises
OverflowError; `i64`, `u64` and the other sized types wrap, as
pythos.lang's classes do under CPython.
"""

from pythos.lang import i64, u8, u64


class Counter:
    def __init__(self) -> None:
        self.total = 0

    def add(self, n: int) -> None:
        self.total += n


def accumulate(xs: list[int]) -> int:
    total = 0
    for x in xs:
        total += x
    return total


def main() -> None:
    big = 2 ** 62
    print(accumulate([big, big - 1]))
    try:
        print(accumulate([big, big]))
    except OverflowError as e:
        print("list:", e)
    c = Counter()
    c.add(big)
    try:
        c.add(big)
    except OverflowError as e:
        print("field:", e, c.total)
    try:
        print(sum([big, big]))
    except OverflowError as e:
        print("sum:", e)
    xs = [big]
    try:
        xs[0] *= 2
    except OverflowError as e:
        print("item:", e, xs)
    d = {"k": big}
    try:
        d["k"] += big
    except ArithmeticError as e:
        print("dict:", repr(e))
    w = i64(big)
    print("i64 wraps:", w + w, w * i64(4))
    print("u64 wraps:", u64(2 ** 63) * u64(2), "u8 wraps:", u8(200) + u8(100))
    print("converted:", int(w) + 1)
    try:
        print(int(w) * 2)
    except OverflowError as e:
        print("int():", e)


main()
