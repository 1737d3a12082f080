# error: 12:11: "i64" not callable: 'area' is a property of Square, used without parenth
class Square:
    def __init__(self, side: int) -> None:
        self.side = side

    @property
    def area(self) -> int:
        return self.side * self.side


def main() -> None:
    print(Square(2).area())


if __name__ == "__main__":
    main()
