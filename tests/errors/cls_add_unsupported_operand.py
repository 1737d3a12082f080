# error: 11:12: unsupported operand types for + ("Money" and "i64")
class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents

    def __add__(self, other: "Money") -> "Money":
        return Money(self.cents + other.cents)


def main() -> None:
    print((Money(1) + 2).cents)


if __name__ == "__main__":
    main()
