"""Properties and static methods are inherited; a subclass may override
a property."""


class Shape:
    SIDES: int = 0

    def __init__(self, size: int) -> None:
        self.size = size

    @property
    def perimeter(self) -> int:
        return self.SIDES * self.size

    @staticmethod
    def unit() -> str:
        return "cm"


class Triangle(Shape):
    SIDES: int = 3


class Circle(Shape):
    @property
    def perimeter(self) -> int:
        return 6 * self.size


def main() -> None:
    shapes: list[Shape] = [Triangle(2), Circle(2), Shape(9)]
    for s in shapes:
        print(s.perimeter, s.unit(), s.SIDES)
    print(Triangle.unit(), Triangle(5).perimeter)


if __name__ == "__main__":
    main()
