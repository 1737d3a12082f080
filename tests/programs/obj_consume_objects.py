"""min, max and sorted of instances compare through the class's __lt__
(and `>` through __gt__, or __lt__ reflected), as CPython does: the first
of equal items wins, sorting is stable, a subclass's override is the one
called; any and all read an instance's truth from __bool__ or __len__."""


class Weight:
    def __init__(self, grams: int, tag: str) -> None:
        self.grams = grams
        self.tag = tag

    def __lt__(self, other: "Weight") -> bool:
        return self.grams < other.grams

    def __repr__(self) -> str:
        return f"{self.tag}{self.grams}"


class Heavy(Weight):
    """Ordered the other way round: its own __lt__ is the one called."""

    def __lt__(self, other: "Weight") -> bool:
        return self.grams > other.grams


class Rank:
    """Only __gt__: `a < b` and sorting use b.__gt__(a)."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __gt__(self, other: "Rank") -> bool:
        return self.n > other.n

    def __repr__(self) -> str:
        return f"R{self.n}"


class Bag:
    def __init__(self, items: list[int]) -> None:
        self.items = items

    def __len__(self) -> int:
        return len(self.items)


class Flag:
    def __init__(self, on: bool) -> None:
        self.on = on

    def __bool__(self) -> bool:
        return self.on


def main() -> None:
    ws = [Weight(3, "a"), Weight(1, "b"), Weight(3, "c"), Weight(1, "d"), Weight(2, "e")]
    print(sorted(ws), sorted(ws, reverse=True))
    print(min(ws), max(ws), min(w for w in ws if w.grams > 1), max(ws[0], ws[2], ws[4]))
    print(min(ws[1], ws[3]), max(Weight(5, "x"), Weight(5, "y")))
    hs = [Heavy(1, "h"), Heavy(4, "i"), Heavy(2, "j")]
    print(sorted(hs), min(hs), max(hs))
    rs = [Rank(2), Rank(7), Rank(1), Rank(7)]
    print(sorted(rs), min(rs), max(rs), sorted(r for r in rs if r.n > 1))
    none: list[Weight] = []
    print(min(none, default=Weight(0, "z")), max(none, default=None) is None)
    by_name = {"p": Weight(9, "p"), "q": Weight(4, "q")}
    print(min(by_name.values()), sorted(by_name.values()))
    bags = [Bag([]), Bag([1]), Bag([2, 3])]
    print(any(bags), all(bags), all(bags[1:]), any(b for b in bags if len(b) > 5))
    flags = [Flag(True), Flag(False)]
    print(any(flags), all(flags), any(Flag(False) for _ in range(3)), all(flags[:1]))
    pairs = sorted((w.grams, w.tag) for w in ws)
    print(pairs, max(pairs), min((w.tag, w) for w in ws)[1])


if __name__ == "__main__":
    main()
