"""Arithmetic special methods of instances: __add__, __radd__, __sub__,
__mul__, __rmul__ on a dataclass and a plain class, chained, reflected
with an int on the left, augmented assignment to a name and to a field,
and the order in which the operands are evaluated."""
from dataclasses import dataclass


@dataclass
class Money:
    cents: int

    def __add__(self, other: "Money") -> "Money":
        return Money(self.cents + other.cents)

    def __radd__(self, other: int) -> "Money":
        return Money(self.cents + other)

    def __sub__(self, other: "Money") -> "Money":
        return Money(self.cents - other.cents)

    def __mul__(self, k: int) -> "Money":
        return Money(self.cents * k)

    def __rmul__(self, k: int) -> "Money":
        return Money(self.cents * k)


class Vec:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def __add__(self, o: "Vec") -> "Vec":
        return Vec(self.x + o.x, self.y + o.y)

    def __repr__(self) -> str:
        return f"Vec({self.x}, {self.y})"


class Bag:
    def __init__(self) -> None:
        self.total = Money(0)

    def put(self, m: Money) -> None:
        self.total += m


def tag(m: Money, label: str) -> Money:
    print("evaluated", label)
    return m


def main() -> None:
    a, b = Money(5), Money(7)
    print(a + b, b - a, a * 3, 2 * b, 10 + a)
    c = a
    c += b
    print(c, a)
    bag = Bag()
    bag.put(a)
    bag.put(b)
    print(bag.total)
    print(Vec(1, 2) + Vec(3, 4) + Vec(5, 6))
    print(tag(a, "left") - tag(b, "right"), 3 * tag(a, "only"))


if __name__ == "__main__":
    main()
