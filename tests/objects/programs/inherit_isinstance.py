"""isinstance narrows a base reference to a subclass."""


class Shape:
    def area(self) -> int:
        return 0


class Square(Shape):
    def __init__(self, side: int) -> None:
        self.side = side

    def area(self) -> int:
        return self.side * self.side


class Circle(Shape):
    def __init__(self, r: int) -> None:
        self.r = r

    def area(self) -> int:
        return 3 * self.r * self.r


def describe(s: Shape) -> str:
    if isinstance(s, Square):
        return f"square {s.side}"
    if isinstance(s, Circle):
        return f"circle {s.r}"
    return "shape"


def main() -> None:
    shapes = [Square(2), Circle(3), Shape(), Square(1)]
    for s in shapes:
        print(describe(s), s.area(), isinstance(s, Shape), isinstance(s, Circle))
    print(sum(s.area() for s in shapes))
    print(len([s for s in shapes if isinstance(s, Square)]))


if __name__ == "__main__":
    main()
