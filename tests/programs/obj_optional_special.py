"""Keys whose class defines __eq__ and __hash__, frozen dataclass keys,
hash() of ints, bools, tuples and str, the generated repr of dataclasses
with container and optional fields, and str() dispatched on the run-time
class."""

from dataclasses import dataclass


class Money:
    def __init__(self, cents: int, currency: str) -> None:
        self.cents = cents
        self.currency = currency

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return False
        return self.cents == other.cents and self.currency == other.currency

    def __hash__(self) -> int:
        return hash((self.cents, self.currency))

    def __repr__(self) -> str:
        return f"{self.cents}{self.currency}"


class Minus:
    def __init__(self, n: int) -> None:
        self.n = n

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Minus) and other.n == self.n

    def __hash__(self) -> int:
        return -1  # CPython turns it into -2


@dataclass(frozen=True)
class Pos:
    x: int
    y: int


@dataclass
class Point:
    x: int
    y: int


@dataclass
class Path:
    name: str
    points: list[Point]
    note: str | None = None
    best: int | None = None


class Event:
    def __init__(self, at: int) -> None:
        self.at = at

    def __str__(self) -> str:
        return f"event@{self.at}"


class Key(Event):
    def __str__(self) -> str:
        return f"key@{self.at}"


def text(e: Event) -> str:
    return str(e)


def main() -> None:
    wallet = {Money(100, "EUR"): "note", Money(5, "USD"): "coin"}
    print(wallet[Money(100, "EUR")], Money(5, "USD") in wallet, Money(5, "EUR") in wallet)
    coins = {Money(1, "EUR"), Money(1, "EUR"), Money(2, "EUR")}
    print(len(coins), Money(2, "EUR") in coins)
    print(hash(Minus(3)), len({Minus(1), Minus(1)}))
    grid = {Pos(0, 0): "origin", Pos(1, 2): "p"}
    print(grid[Pos(1, 2)], Pos(0, 0) in grid, hash(Pos(1, 2)) == hash((1, 2)))
    print(hash(7), hash(-1), hash(2**61), hash(True), hash(False), hash((1, 2)), hash(()))
    print(hash((1, (2, 3))), hash((-5, True)))
    s = "pythos"
    print(hash(s) == hash("pyth" + "os"), hash((s, 1)) == hash(("pythos", 1)))
    p = Path("walk", [Point(0, 0), Point(3, 4)])
    print(p)
    p.note = "x"
    p.best = 12
    print(p, [Point(1, 2)], {"k": Point(5, 6)})
    print(p == Path("walk", [Point(0, 0), Point(3, 4)], "x", 12), p.points[1] == Point(3, 4))
    events = [Event(1), Key(2)]
    for e in events:
        print(text(e), str(e))


if __name__ == "__main__":
    main()
