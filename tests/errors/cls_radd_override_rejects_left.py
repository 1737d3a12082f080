# error: 18:12: CPython may call Coupon.__radd__ here with a "Money", but it takes "i64" (b's class, a subclass of a's, overrides it, so it goes first)
class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents

    def __add__(self, other: "Money") -> "Money":
        return Money(self.cents + other.cents)


class Coupon(Money):
    def __radd__(self, other: int) -> Money:
        return Money(other - self.cents)


def main() -> None:
    a: Money = Money(5)
    b: Money = Coupon(2)
    print((a + b).cents)


if __name__ == "__main__":
    main()
