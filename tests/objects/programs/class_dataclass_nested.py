"""Dataclasses with dataclass and list fields: the generated __repr__
and __eq__ go through them."""
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


@dataclass
class Path:
    name: str
    points: list[Point]

    def length(self) -> int:
        total = 0
        for a, b in zip(self.points, self.points[1:]):
            dx = a.x - b.x
            dy = a.y - b.y
            total += max(dx, -dx) + max(dy, -dy)
        return total


def main() -> None:
    p = Path("walk", [Point(0, 0), Point(3, 4), Point(3, 0)])
    print(p)
    print(p.length())
    q = Path("walk", [Point(0, 0), Point(3, 4), Point(3, 0)])
    print(p == q)
    q.points.append(Point(0, 0))
    print(p == q, q.length())


if __name__ == "__main__":
    main()
