"""Class attributes read through the class: a field's literal default is
the class's attribute, which an instance's own value only hides."""

from dataclasses import dataclass


class Box:
    limit: int = 5
    low = -3
    name = "box"
    tag: bytes = b"bx"
    on = False

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def room(self) -> int:
        return Box.limit - self.limit


class Crate(Box):
    limit = 9
    name = "crate"


class Bin(Box):
    pass


@dataclass
class Point:
    x: int
    y: int = 4
    label: str = "p"


def main() -> None:
    b = Box(2)
    print(Box.limit, b.limit, b.room(), Box.low, Box.name, Box.tag, Box.on)
    c = Crate(1)
    print(Crate.limit, Crate.name, Crate.low, c.limit, c.name, c.room())
    print(Bin.limit, Bin.name, Bin.limit + Crate.limit)
    b.name = "mine"
    print(b.name, Box.name, len(Box.name) * Box.limit)
    p = Point(1)
    print(Point.y, Point.label, p, Point(2, 3))
    if Box.on or Box.limit > 4:
        print("limit above 4")
    print([Box.limit * i for i in range(3)], f"{Box.name}:{Crate.limit}")


if __name__ == "__main__":
    main()
