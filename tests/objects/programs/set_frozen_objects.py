"""A set of instances with __eq__ and __hash__: equal ones collapse."""


class Card:
    def __init__(self, rank: int, suit: str) -> None:
        self.rank = rank
        self.suit = suit

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Card) and (self.rank, self.suit) == (other.rank, other.suit)

    def __hash__(self) -> int:
        return hash((self.rank, self.suit))

    def __repr__(self) -> str:
        return f"{self.rank}{self.suit}"


def main() -> None:
    hand = {Card(10, "h"), Card(3, "s"), Card(10, "h"), Card(1, "d")}
    print(len(hand), Card(3, "s") in hand, Card(3, "h") in hand)
    print(sorted(hand, key=lambda c: (c.suit, c.rank)))


if __name__ == "__main__":
    main()
