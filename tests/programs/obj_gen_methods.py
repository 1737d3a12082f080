"""Generator methods: __iter__ written as a generator (for, sorted, list
of an instance), a generator method that iterates over its own object,
str items kept across yields, and a generator in a reference cycle
(a list it holds contains it), which the cycle collector frees."""
from collections.abc import Iterator


class Bag:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, s: str) -> None:
        self.items.append(s)

    def __iter__(self) -> Iterator[str]:
        for s in self.items:
            yield s

    def pairs(self, sep: str) -> Iterator[str]:
        prev = ""
        for s in self:
            if prev:
                yield prev + sep + s
            prev = s


class Countdown:
    def __init__(self, start: int) -> None:
        self.start = start

    def __iter__(self) -> Iterator[int]:
        n = self.start
        while n > 0:
            yield n
            n -= 1


def keep(box: list[Iterator[int]]) -> Iterator[int]:
    yield len(box)
    yield len(box)


def main() -> None:
    b = Bag()
    for w in "a b c".split():
        b.add(w)
    for s in b:
        print(s)
    print(list(b.pairs("-")), sorted(b), list(Countdown(3)))
    print([x * y for x in Countdown(2) for y in Countdown(2)])
    box: list[Iterator[int]] = []
    g = keep(box)
    box.append(g)
    print(next(g))


if __name__ == "__main__":
    main()
