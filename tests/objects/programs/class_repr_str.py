"""__repr__ and __str__ back print, str, repr, f-strings and containers."""


class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents

    def __repr__(self) -> str:
        return f"Money({self.cents})"

    def __str__(self) -> str:
        return f"${self.cents // 100}.{self.cents % 100:02d}"


class Tag:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return "<" + self.name + ">"


def main() -> None:
    m = Money(1234)
    print(m)
    print(repr(m), str(m), f"{m} / {repr(m)}")
    print([m, Money(5)])
    t = Tag("b")
    print(t, str(t), [t, t])


if __name__ == "__main__":
    main()
