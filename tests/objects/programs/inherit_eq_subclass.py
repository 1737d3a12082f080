"""__eq__ inherited by a subclass, and isinstance on `object`."""


class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Money) and other.cents == self.cents

    def __hash__(self) -> int:
        return self.cents


class Euro(Money):
    def __repr__(self) -> str:
        return f"EUR{self.cents}"


def main() -> None:
    a = Money(5)
    b = Euro(5)
    print(a == b, b == a, b == Euro(6), b)
    print(len({a, b, Euro(5), Euro(7)}))
    print(a != b, Euro(1) != Money(2))


if __name__ == "__main__":
    main()
