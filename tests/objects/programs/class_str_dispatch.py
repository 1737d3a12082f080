"""str() and print() of an instance call the __str__ of its run-time
class, and a container shows each instance by its own __repr__."""

from dataclasses import dataclass


class Shape:
    def __init__(self, size: int) -> None:
        self.size = size

    def __str__(self) -> str:
        return f"shape {self.size}"

    def __repr__(self) -> str:
        return f"Shape({self.size})"


class Square(Shape):
    def __str__(self) -> str:
        return f"square {self.size}"


@dataclass
class Tagged(Shape):
    tag: str = ""


def describe(s: Shape) -> str:
    return "<" + str(s) + ">"


def main() -> None:
    shapes: list[Shape] = [Shape(1), Square(2), Shape(3)]
    for s in shapes:
        print(describe(s), s)
    print(shapes, [Square(4)])
    maybe: Shape | None = Square(5)
    print(str(maybe), repr(maybe), f"{maybe}")
    maybe = None
    print(str(maybe), maybe)


if __name__ == "__main__":
    main()
