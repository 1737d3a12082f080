"""Frozen dataclasses as dict keys and set elements: hashed and compared
by their fields, printed with their generated repr."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    x: int
    y: int


@dataclass(frozen=True)
class Edge:
    a: Point
    b: Point
    label: str | None = None


def main() -> None:
    heights = {Point(0, 0): 10, Point(1, 0): 12}
    heights[Point(0, 0)] += 1
    print(heights, heights[Point(1, 0)], Point(2, 2) in heights)
    edges = {Edge(Point(0, 0), Point(1, 0)), Edge(Point(0, 0), Point(1, 0)), Edge(Point(1, 0), Point(1, 1), "up")}
    print(len(edges), Edge(Point(1, 0), Point(1, 1), "up") in edges)
    print(Edge(Point(0, 0), Point(0, 1), "it's"))


if __name__ == "__main__":
    main()
