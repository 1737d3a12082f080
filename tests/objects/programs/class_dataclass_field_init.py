from dataclasses import dataclass, field


@dataclass
class Account:
    owner: str
    history: list[int] = field(default_factory=list, init=False)
    opened: int = field(default=2024, init=False)
    balance: int = 0

    def deposit(self, n: int) -> None:
        self.balance += n
        self.history.append(n)


@dataclass
class Savings(Account):
    rate: int = 3
    log: list[str] = field(default_factory=lambda: ["open"], init=False)


def main() -> None:
    a = Account("ann", 5)
    a.deposit(10)
    b = Account("bob")
    print(a, b, a == Account("ann", 15))
    s = Savings("sue", 1, 4)
    s.deposit(2)
    s.log.append("dep")
    print(s, Savings("x") == Savings("x"))


if __name__ == "__main__":
    main()
