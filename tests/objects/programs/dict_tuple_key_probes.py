"""Integer-tuple keys through every path of a dict's probe: index widths
of 1, 2 and 4 bytes (tables past 256 and 65536 slots), equal hashes of
unequal keys (hash(-1) == hash(-2), n and n + 2**61 - 1), negative and
wide integers, deletion and re-insertion, and keys that are not integer
tuples (str, mixed tuples, a class with its own __eq__) in the same
shapes."""


EQ_CALLS: list[int] = [0]


class Point:
    """Every Point hashes alike: each probe that meets one compares with
    __eq__, which counts its calls in EQ_CALLS."""

    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def __hash__(self) -> int:
        return 7

    def __eq__(self, other: object) -> bool:
        EQ_CALLS[0] += 1
        return isinstance(other, Point) and self.x == other.x and self.y == other.y


def grid(n: int) -> dict[tuple[int, int], int]:
    d: dict[tuple[int, int], int] = {}
    for i in range(n):
        d[(i % 97 - 48, i // 97)] = i
    return d


def widths() -> None:
    for n in (5, 200, 300, 40000, 70000):
        d = grid(n)
        hits = 0
        for i in range(0, n, 7):
            if (i % 97 - 48, i // 97) in d:
                if d[(i % 97 - 48, i // 97)] == i:
                    hits += 1
        misses = 0
        for i in range(50):
            if (i, -1 - i) not in d:
                misses += 1
        print(n, len(d), hits, misses, list(d.items())[-2:])


def collisions() -> None:
    big = 2**61 - 1
    keys = [(-1, 0), (-2, 0), (0, -1), (0, -2), (5, 5), (5 + big, 5), (5, 5 + big),
            (big, big), (-big, 0), (big - 1, -big + 1), (2**62, 1), (-(2**62), 1),
            (2**63 - 1, -(2**63)), (0, 0)]
    d: dict[tuple[int, int], str] = {}
    for k in keys:
        d[k] = f"{k[0]}:{k[1]}"
    print(len(d), [hash(k) == hash(keys[0]) for k in keys[:4]])
    for k in keys:
        print(k, k in d, d[k], (k[1], k[0]) in d)
    del d[(-1, 0)]
    del d[(5 + big, 5)]
    print((-1, 0) in d, (-2, 0) in d, (5 + big, 5) in d, (5, 5) in d, len(d))
    d[(-1, 0)] = "back"
    print(list(d)[-3:], d[(-1, 0)], d.get((-3, 0), "none"))


def churn() -> None:
    d: dict[tuple[int, int], int] = {}
    for r in range(6):
        for i in range(600):
            d[(i, r)] = i * r
        for i in range(0, 600, 2):
            del d[(i, r)]
    print(len(d), sum(d.values()), list(d)[:3], (2, 0) in d, (3, 5) in d)
    for i in range(0, 600, 4):
        d[(i, 0)] = -i
    print(len(d), list(d.items())[-2:])


def other_keys() -> None:
    words: dict[str, int] = {}
    for i in range(400):
        words["w" + str(i % 150)] = i
    print(len(words), words["w7"], "w150" in words)
    mixed: dict[tuple[int, str], int] = {}
    for i in range(300):
        mixed[(i % 20, "s" + str(i % 3))] = i
    print(len(mixed), mixed[(4, "s1")], (4, "s2") in mixed)
    pts: dict[Point, int] = {}
    for i in range(6):
        pts[Point(i, -i)] = i
    EQ_CALLS[0] = 0
    print(pts[Point(3, -3)], Point(3, 3) in pts, EQ_CALLS[0])
    nested: dict[tuple[tuple[int, int], int], int] = {}
    for i in range(300):
        nested[((i, -i), i % 5)] = i
    print(len(nested), nested[((7, -7), 2)], ((7, 7), 2) in nested)


def main() -> None:
    widths()
    collisions()
    churn()
    other_keys()


if __name__ == "__main__":
    main()
