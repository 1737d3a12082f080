"""Reference semantics: two names for one object, mutation seen through
both, identity, objects held in fields of several others, swaps, and
values that outlive the variable that made them."""

from dataclasses import dataclass
from typing import Final


class Box:
    LIMIT: Final = 100

    def __init__(self, value: int) -> None:
        self.value = value
        self.other: Box | None = None

    def bump(self) -> "Box":
        if self.value < Box.LIMIT:
            self.value += 1
        return self

    @property
    def doubled(self) -> int:
        return self.value * 2

    @staticmethod
    def make(n: int) -> "Box":
        return Box(n * 10)


@dataclass
class Pair:
    left: Box
    right: Box
    weight: int = 1


def pick(flag: bool, a: Box, b: Box) -> Box:
    return a if flag else b


def first_present(a: Box | None, b: Box | None) -> Box | None:
    return a or b


def main() -> None:
    a = Box(1)
    b = a
    b.value = 5
    print(a.value, b.value, a is b)
    c = Box(5)
    print(a is c, a.value == c.value)
    a.bump().bump().bump()
    print(a.value, b.doubled)
    p = Pair(a, c)
    q = Pair(c, a, 3)
    p.left.value += 100
    print(a.value, q.right.value, p.weight, q.weight)
    a.other = c
    c.other = None
    print(a.other is c, c.other is None)
    x = Box.make(4)
    y = Box(7)
    x, y = y, x
    print(x.value, y.value)
    t = x
    x = y
    y = t
    print(x.value, y.value)
    print(pick(True, x, y).value, pick(False, x, y).value)
    n: Box | None = None
    print(first_present(n, y) is y, first_present(x, y) is x, first_present(n, n) is None)
    z = Box(9)
    z = z
    z = z.bump()
    print(z.value, Box(3).bump().doubled)
    chain = Box(0)
    chain.other = Box(1)
    inner = chain.other
    chain.other = None
    print(inner.value, chain.other is None)


if __name__ == "__main__":
    main()
