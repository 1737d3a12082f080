"""Integer-tuple members through every path of a set's probe: equal
hashes of unequal tuples (hash(-1) == hash(-2), n and n + 2**61 - 1),
negative and wide integers, linear probes that run into the end of the
table, growth, discard and re-adding, and the order a printed set shows
(which follows the hashes, as CPython's does)."""


class Cell:
    """Cells hash by their row only: members of a row collide, and each
    probe that meets one compares with __eq__."""

    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def __hash__(self) -> int:
        return self.y

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Cell) and self.x == other.x and self.y == other.y


def collisions() -> None:
    big = 2**61 - 1
    s: set[tuple[int, int]] = {(-1, 0), (-2, 0), (0, -1), (0, -2), (7, 7), (7 + big, 7),
                               (7, 7 + big), (-big, -big), (2**62, -(2**62)), (0, 0)}
    print(sorted(s))
    print(s)
    print([hash(k) for k in sorted(s)])
    print((-1, 0) in s, (-3, 0) in s, (7 - big, 7) in s, (7 + big, 7 + big) in s)
    s.discard((-2, 0))
    s.discard((7 + big, 7))
    print((-1, 0) in s, (-2, 0) in s, (7, 7) in s, (7 + big, 7) in s, len(s))
    s.add((-2, 0))
    print(s)


def growth() -> None:
    s: set[tuple[int, int]] = set()
    for i in range(3000):
        s.add((i % 61 - 30, i // 61))
        if i % 500 == 0:
            print(len(s), (0, i // 61) in s, (100, 0) in s)
    for i in range(0, 3000, 3):
        s.discard((i % 61 - 30, i // 61))
    found = 0
    for i in range(3000):
        if (i % 61 - 30, i // 61) in s:
            found += 1
    print(len(s), found)
    small: set[tuple[int, int]] = set()
    for i in range(12):
        small.add((i, -i))
        small.discard((i - 2, 2 - i))
    print(small, (11, -11) in small, (9, -9) in small)


def other_members() -> None:
    cells: set[Cell] = set()
    for y in range(3):
        for x in range(4):
            cells.add(Cell(x, y))
    cells.add(Cell(1, 1))
    print(len(cells), Cell(3, 2) in cells, Cell(4, 2) in cells)
    pairs: set[tuple[str, int]] = set()
    for i in range(50):
        pairs.add(("k" + str(i % 7), i % 3))
    print(len(pairs), ("k3", 2) in pairs, ("k9", 0) in pairs)


def main() -> None:
    collisions()
    growth()
    other_members()


if __name__ == "__main__":
    main()
