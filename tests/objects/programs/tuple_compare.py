"""Tuples compare lexicographically; equality and hashing by value."""


def main() -> None:
    print((1, 2) < (1, 3), (1, 2, 0) < (1, 2, 1), (2, 0) > (1, 99), (1, "b") >= (1, "a"))
    print((1, 2) == (1, 2), (1, 2) != (2, 1), ("a", 1) < ("b", 0))
    pts = [(3, "c"), (1, "z"), (3, "a"), (2, "m")]
    print(sorted(pts), max(pts), min(pts))
    print(hash((1, 2)) == hash((1, 2)), len({(1, 2), (1, 2), (2, 1)}))


if __name__ == "__main__":
    main()
