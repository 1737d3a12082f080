"""Flattening lists of lists and a Cartesian product."""


def main() -> None:
    nested: list[list[int]] = [[1, 2], [], [3], [4, 5, 6]]
    flat = [x for row in nested for x in row]
    print(flat, len(flat))
    suits = ["♠", "♥"]
    ranks = ["A", "K", "Q"]
    deck = [r + s for s in suits for r in ranks]
    print(deck, len(deck))
    print([x * y for x in [1, 2] for y in [10, 100] if x * y != 20])


if __name__ == "__main__":
    main()
