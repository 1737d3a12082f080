"""Classes: fields, methods, single inheritance, overriding, super(),
isinstance narrowing, class constants, static methods and properties."""
from typing import Final


class Shape:
    SIDES: Final = 0

    def __init__(self, name: str) -> None:
        self.name = name
        self.scale: int = 1

    def area(self) -> int:
        return 0

    def describe(self) -> str:
        return f"{self.name} with area {self.area()}"

    @staticmethod
    def unit() -> int:
        return 1

    @property
    def doubled(self) -> int:
        return self.area() * 2


class Rect(Shape):
    CORNERS: Final = 4

    def __init__(self, width: int, height: int) -> None:
        super().__init__("rect")
        self.width = width
        self.height = height

    def area(self) -> int:
        return self.width * self.height * self.scale


class Square(Rect):
    def __init__(self, side: int) -> None:
        super().__init__(side, side)
        self.name = "square"

    def area(self) -> int:
        return super().area()


class Circle(Shape):
    def __init__(self, radius: int) -> None:
        super().__init__("circle")
        self.radius = radius

    def area(self) -> int:
        return 3 * self.radius * self.radius


def total(shapes: list[Shape]) -> int:
    result = 0
    for s in shapes:
        result += s.area()
        if isinstance(s, Circle):
            result += s.radius
    return result


def main() -> None:
    shapes: list[Shape] = [Rect(2, 3), Square(4), Circle(1)]
    print(total(shapes), Rect.CORNERS, Shape.unit())
    for s in shapes:
        print(s.describe(), s.doubled)
    first = shapes[0]
    same = first is shapes[0]
    print(same)


if __name__ == "__main__":
    main()
