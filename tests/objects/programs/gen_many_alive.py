"""Many generators alive at once, advanced in turn (a round robin), some
dropped halfway through, and generator expressions kept as values."""
from collections.abc import Iterator


def counter(name: str, n: int) -> Iterator[str]:
    for i in range(n):
        yield f"{name}{i}"


def round_robin(its: list[Iterator[str]]) -> Iterator[str]:
    live = list(its)
    while live:
        still: list[Iterator[str]] = []
        for it in live:
            item = next(it, "")
            if item:
                yield item
                still.append(it)
        live = still


def main() -> None:
    gens = [counter(c, i + 1) for i, c in enumerate("abc")]
    print(list(round_robin(gens)))
    many = [counter("g", 5) for _ in range(100)]
    for g in many[:50]:
        next(g)
    print(sum(len(list(g)) for g in many))
    squares = (n * n for n in range(10))
    evens = (s for s in squares if s % 2 == 0)
    print(next(evens), list(evens))


if __name__ == "__main__":
    main()
