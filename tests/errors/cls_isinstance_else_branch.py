# error: 18:12: "Shape" has no attribute "radius"; it is an attribute of its subclass Ci
class Shape:
    def area(self) -> int:
        return 0


class Circle(Shape):
    def __init__(self, radius: int) -> None:
        self.radius = radius

    def area(self) -> int:
        return 3 * self.radius * self.radius


def radius_of(s: Shape) -> int:
    if isinstance(s, Circle):
        return 0
    return s.radius


def main() -> None:
    print(radius_of(Circle(2)))


if __name__ == "__main__":
    main()
