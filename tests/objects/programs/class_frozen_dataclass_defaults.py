from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0
    label: str | None = None


@dataclass(frozen=True)
class Seg:
    a: Point = Point(0, 0)
    b: Point = Point(1, 1, "end")
    tags: tuple[str, ...] = ("seg",)


def shift(p: Point = Point(5, -5), by: tuple[int, int] = (1, 1)) -> Point:
    return Point(p.x + by[0], p.y + by[1], p.label)


def main() -> None:
    s = Seg()
    t = Seg(b=Point(9))
    print(s, t, s == Seg(), s.a == t.a, hash(s) == hash(Seg()))
    print(shift(), shift(Point(1)), shift(by=(2, 3)))
    print({Seg(): 1}[Seg()], sorted({Point(1).x, Point(2).x}))


if __name__ == "__main__":
    main()
