"""Dict comprehensions: from pairs, with filters, inverting, counting."""


def main() -> None:
    words = ["apple", "bob", "civic", "dog", "kayak"]
    lens = {w: len(w) for w in words}
    pal = {w: w == w[::-1] for w in words}
    print(lens, pal)
    by_len = {n: [w for w in words if len(w) == n] for n in sorted(set(lens.values()))}
    print(by_len)
    sq = {i: i * i for i in range(6) if i % 2 == 0}
    print(sq, {v: k for k, v in sq.items()})


if __name__ == "__main__":
    main()
