"""Overrides that add parameters with defaults, called through the base
(directly, by keyword, and as a bound method value), through a middle
class, on a class that inherits the override, and in two sibling
branches that add different parameters.  Each call runs the run-time
class's method with that method's own defaults."""
from collections.abc import Callable


class Shape:
    def describe(self, name: str) -> str:
        return f"shape {name}"

    def scale(self, factor: int) -> int:
        return factor

    def reset(self) -> None:
        print("Shape.reset")


class Square(Shape):
    def describe(self, name: str, sides: int = 4, unit: str | None = None) -> str:
        text = f"square {name} with {sides} sides"
        return text if unit is None else f"{text} in {unit}"

    def reset(self, hard: bool = False) -> None:
        print("Square.reset", hard)


class Cube(Square):
    def describe(self, name: str, sides: int = 6, unit: str | None = "cm",
                 faces: int = 6) -> str:
        return f"cube {name}: {sides} sides, {faces} faces, unit {unit}"


class BigCube(Cube):
    pass


class Circle(Shape):
    def scale(self, factor: int, base: int = 10) -> int:
        return factor * base

    def describe(self, name: str, radius: int = 1) -> str:
        return f"circle {name} r={radius}"


def main() -> None:
    shapes: list[Shape] = [Shape(), Square(), Cube(), BigCube(), Circle()]
    for s in shapes:
        print(s.describe("a"), s.describe(name="b"), s.scale(3))
        s.reset()
    squares: list[Square] = [Square(), Cube(), BigCube()]
    for q in squares:
        print(q.describe("c", 5), q.describe("d", unit="mm"))
        q.reset(True)
    describe: Callable[[str], str] = shapes[2].describe
    print(describe("bound"))
    print(Cube().describe("e", 1, "m", 2), BigCube().describe("f", faces=9))


if __name__ == "__main__":
    main()
