# error: 20:12: unsupported operand type for __add__ of "Money": it takes "Money", not "Coin" (CPython calls it first, whatever the other operand has)
class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents

    def __add__(self, other: "Money") -> "Money":
        return Money(self.cents + other.cents)


class Coin:
    def __init__(self, value: int) -> None:
        self.value = value

    def __radd__(self, total: Money) -> Money:
        return Money(total.cents + self.value)


def main() -> None:
    m = Money(1)
    print((m + Coin(2)).cents)


if __name__ == "__main__":
    main()
