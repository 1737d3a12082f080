"""The runtime's short paths for common objects (docs/objects.md, "Speed"):
a str, or a tuple whose slots hold no references, is freed without the
release loop; a str key found in a dict or a set is compared by its bytes
without count updates; a tuple indexed with a literal, or unpacked, reads
its slot inline.  Each must behave exactly as the general path does, and
leave nothing alive."""


class Cell:
    def __init__(self, name: str) -> None:
        self.name = name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Cell) and other.name == self.name

    def __hash__(self) -> int:
        return len(self.name)


def words(n: int) -> list[str]:
    out: list[str] = []
    for i in range(n):
        out.append("w" + str(i % 7) + "x" * (i % 3))
    return out


def main() -> None:
    # str keys built at run time: equal text, different objects.
    counts: dict[str, int] = {}
    for w in words(40):
        counts[w] = counts.get(w, 0) + 1
    print(sorted(counts.items()))
    seen: set[str] = set()
    for w in words(30):
        if w not in seen:
            seen.add(w)
    print(len(seen), "w1x" in seen, "w1" + "x" in seen, "w9" in seen)
    # Keys of equal hash but different text, and a user __eq__ next to them.
    cells: dict[Cell, int] = {Cell("ab"): 1, Cell("cd"): 2}
    print(cells[Cell("cd")], Cell("ef") in cells, len(cells))
    # Tuples of integers, made and dropped, as keys and members.
    dist: dict[tuple[int, int], int] = {}
    for x in range(5):
        for y in range(4):
            dist[(x, y)] = x * y
    print(dist[(3, 2)], (4, 4) in dist, len(dist))
    # Literal indexes, from either end, and unpacking.
    person = ("ada", 36, True)
    print(person[0], person[-1], person[-3], person[1])
    name, age, adult = person
    print(name, age, adult)
    pair = (Cell("zz"), 7)
    print(pair[0].name, pair[-1])
    # A partition's tuple of three str, dropped at once and held.
    head, sep, tail = "key=value".partition("=")
    print(head, sep, tail)
    kept = "a:b:c".partition(":")
    print(kept, kept[2])


if __name__ == "__main__":
    main()
