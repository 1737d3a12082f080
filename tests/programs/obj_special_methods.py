"""Special methods behind operators and builtins: == through __eq__ (and
a dataclass's generated one), < through __lt__ and its reflection, len,
truth through __bool__ and __len__, `in`, and [] through __getitem__ and
__setitem__."""

from dataclasses import dataclass


class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return False
        return self.cents == other.cents

    def __lt__(self, other: "Money") -> bool:
        return self.cents < other.cents

    def __le__(self, other: "Money") -> bool:
        return self.cents <= other.cents

    def __hash__(self) -> int:
        return self.cents


class Grid:
    def __init__(self, width: int) -> None:
        self.width = width
        self.cells = 0
        self.marked = 0

    def __len__(self) -> int:
        return self.width * self.width

    def __getitem__(self, index: int) -> bool:
        return (self.cells >> index) & 1 == 1

    def __setitem__(self, index: int, value: bool) -> None:
        if value and not self[index]:
            self.marked += 1
        if value:
            self.cells |= 1 << index
        else:
            self.cells &= ~(1 << index)

    def __contains__(self, index: int) -> bool:
        return 0 <= index < len(self)


class Flag:
    def __init__(self, on: bool) -> None:
        self.on = on

    def __bool__(self) -> bool:
        return self.on


@dataclass
class Point:
    x: int
    y: int
    label: str = "p"


@dataclass(frozen=True)
class Version:
    major: int
    minor: int


def main() -> None:
    a, b, c = Money(150), Money(150), Money(99)
    print(a == b, a != b, a == c, a != c, a is b)
    print(c < a, a < c, a <= b, c > a, a >= c)
    g = Grid(4)
    print(len(g), 3 in g, 16 in g, 20 not in g)
    g[3] = True
    g[5] = True
    g[3] = True
    print(g[3], g[4], g[5], g.marked, g.cells)
    g[3] = False
    print(g[3], g.cells)
    print(bool(Flag(True)), bool(Flag(False)), bool(g), not Flag(False))
    if Flag(True) and g:
        print("both true")
    p = Point(1, 2)
    q = Point(1, 2)
    r = Point(1, 2, "r")
    print(p == q, p == r, p != r, p is q, p.label, r.label)
    v1 = Version(1, 2)
    print(v1 == Version(1, 2), v1 == Version(2, 1), v1.major, v1.minor)
    m: Money | None = None
    print(m is None, m is not None)


if __name__ == "__main__":
    main()
