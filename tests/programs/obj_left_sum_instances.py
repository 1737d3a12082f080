"""sum() of instances: a start instance (positional and start=), items
added by the total's __add__ or by their own __radd__ to an int total, a
generator expression, an empty iterable."""
from dataclasses import dataclass


@dataclass
class Money:
    cents: int

    def __add__(self, other: "Money") -> "Money":
        return Money(self.cents + other.cents)


@dataclass
class Coin:
    value: int

    def __add__(self, other: "Coin") -> int:
        return self.value + other.value

    def __radd__(self, total: int) -> int:
        return total + self.value


def main() -> None:
    wallet = [Money(5), Money(10), Money(20)]
    print(sum(wallet, Money(0)), sum(wallet, start=Money(100)))
    coins: list[Coin] = [Coin(1), Coin(2)]
    print(sum(coins, 7))
    print(sum((m for m in wallet if m.cents > 5), Money(0)))
    empty: list[Money] = []
    print(sum(empty, Money(42)), sum(coins[1:]), sum(c for c in coins if c.value > 1))


if __name__ == "__main__":
    main()
