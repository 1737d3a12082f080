# error: 14:11: sum() of "Money" without a start begins at 0, so an empty iterable gives 0, an int, not a "Money"; give the start, as in sum(items, Money(...))
class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents

    def __add__(self, other: "Money") -> "Money":
        return Money(self.cents + other.cents)

    def __radd__(self, other: int) -> "Money":
        return Money(self.cents + other)


def main() -> None:
    print(sum([Money(1), Money(2)]).cents)


if __name__ == "__main__":
    main()
