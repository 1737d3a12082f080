"""Variable-length tuples of objects and of tuples: fields, results built by
tuple(), consumers (sorted, min, sum, any), repetition, count and index,
tuple[object, ...] holding ints, strs and instances, Optional items."""

from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


class Path:
    def __init__(self, points: tuple[Point, ...]) -> None:
        self.points = points

    def shifted(self, dx: int) -> "Path":
        return Path(tuple([Point(p.x + dx, p.y) for p in self.points]))


def widths() -> tuple[int, ...]:
    return (3, 1, 2)


def main() -> None:
    t = widths()
    print(sorted(t), list(t), min(t), max(t), sum(t), t * 2, 2 * t, t * 0, t.count(1), t.index(2))
    print(list(reversed(t)), [x * 2 for x in t], any(x > 2 for x in t))
    p = Path((Point(1, 2), Point(3, 4)))
    q = p.shifted(10)
    print(p.points, q.points, len(q.points), q.points[-1].x)
    o: tuple[object, ...] = ("s", 1, Point(0, 0), (1, 2), [3])
    print(o, o.count(1), o.index("s"), o[2:])
    names: tuple[str, ...] = tuple(["b", "a"])
    names = names + ("c",)
    print(names, names[1:] < names, names == ("b", "a", "c"), names != ("b",))
    nested: tuple[tuple[int, ...], ...] = ((1,), (2, 3), ())
    print(nested, nested[1][1], hash(nested) == hash(((1,), (2, 3), ())))
    opt: tuple[int | None, ...] = (1, None, 3)
    print(opt, None in opt, opt[1] is None)
    try:
        names.index("z")
    except ValueError as e:
        print("ValueError", e)
    try:
        print(nested[-4])
    except IndexError as e:
        print("IndexError", e)
    none: tuple[int, ...] = ()
    print(none == (), none + none, none * 3, len(none))


if __name__ == "__main__":
    main()
