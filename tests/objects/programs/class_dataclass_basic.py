"""@dataclass: generated __init__, __eq__ and __repr__, defaults."""
from dataclasses import dataclass


@dataclass
class Item:
    name: str
    price: int
    qty: int = 1

    def total(self) -> int:
        return self.price * self.qty


def main() -> None:
    a = Item("pen", 150)
    b = Item("pad", 300, 2)
    print(a, b)
    print(a.total() + b.total())
    print(a == Item("pen", 150), a == b, a is Item("pen", 150))
    b.qty += 1
    print(b, [a, b])


if __name__ == "__main__":
    main()
