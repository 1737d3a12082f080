# error: 6:5: __add__ takes 1 parameter(s) after self, as Python calls it; this one takes 2
class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents

    def __add__(self, other: "Money", extra: int) -> "Money":
        return Money(self.cents + other.cents + extra)


def main() -> None:
    print(Money(1).cents)


if __name__ == "__main__":
    main()
