"""A subclass overrides __eq__ and __repr__; comparisons dispatch on the
left operand's class."""


class Shape:
    def __init__(self, size: int) -> None:
        self.size = size

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Shape) and self.size == other.size

    def __hash__(self) -> int:
        return self.size

    def __repr__(self) -> str:
        return f"Shape({self.size})"


class Colored(Shape):
    def __init__(self, size: int, color: str) -> None:
        super().__init__(size)
        self.color = color

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Colored):
            return False
        return super().__eq__(other) and self.color == other.color

    def __hash__(self) -> int:
        return hash((self.size, self.color))

    def __repr__(self) -> str:
        return f"Colored({self.size}, {self.color})"


def main() -> None:
    s = Shape(2)
    r = Colored(2, "red")
    print(s == r, r == s, r == Colored(2, "red"), r == Colored(2, "blue"))
    print([s, r], len({s, r, Colored(2, "red")}))


if __name__ == "__main__":
    main()
