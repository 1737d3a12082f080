# error: 13:5: property "area" defined in "Square" is read-only
class Square:
    def __init__(self, side: int) -> None:
        self.side = side

    @property
    def area(self) -> int:
        return self.side * self.side


def main() -> None:
    s = Square(2)
    s.area = 5


if __name__ == "__main__":
    main()
