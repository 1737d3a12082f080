"""__eq__ with an object parameter narrowed by isinstance, and __hash__,
so instances work as dict keys and set elements."""


class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Point):
            return False
        return self.x == other.x and self.y == other.y

    def __hash__(self) -> int:
        return self.x * 31 + self.y

    def __repr__(self) -> str:
        return f"Point({self.x}, {self.y})"


def main() -> None:
    a = Point(1, 2)
    b = Point(1, 2)
    c = Point(2, 1)
    print(a == b, a is b, a == c, a != c)
    seen = {a, b, c}
    print(len(seen), Point(2, 1) in seen)
    names = {a: "a", c: "c"}
    print(names[b], names[Point(2, 1)], len(names))


if __name__ == "__main__":
    main()
