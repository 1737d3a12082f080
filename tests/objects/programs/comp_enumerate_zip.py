"""Comprehensions over enumerate and zip with tuple targets."""


def main() -> None:
    a = [5, 6, 7]
    b = [1, 2, 3]
    print([x - y for x, y in zip(a, b)], [i * v for i, v in enumerate(a)])
    print({i: w for i, w in enumerate("xyz")}, [(w, i) for i, w in enumerate(["p", "q"], 1)])
    print([p + q for p, q in zip("ab", "cd")])


if __name__ == "__main__":
    main()
