"""Tuples: count and index (of ints, str and instances compared by
__eq__), slices with negative, out-of-range and stepped bounds, and
`tuple + tuple`, including the empty tuple on either side."""


class Tag:
    def __init__(self, name: str) -> None:
        self.name = name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tag) and self.name == other.name

    def __repr__(self) -> str:
        return f"Tag({self.name})"


def main() -> None:
    t = (10, 20, 30, 20, 50)
    print(t.count(20), t.count(99), t.index(20), t.index(50))
    print(t[1:3], t[::-1], t[-2:], t[-10:2], t[3:100], t[::2], t[4:1:-1], t[5:])
    print(t + (1, 2), t[:2] + t[3:], () + t[:1], t[:0] + ())
    words = ("pear", "fig", "pear", "é")
    print(words.count("pear"), words.index("fig"), words.index("é"), words[1:][::-1])
    mixed = (1, "one", True)
    print(mixed[1:], mixed + mixed[:1], mixed[::-1])
    a = Tag("a")
    tags = (a, Tag("b"), Tag("a"))
    print(tags.count(Tag("a")), tags.index(Tag("b")), tags[1:], tags[:1] + tags[2:])
    pairs = ((1, 2), (3, 4), (1, 2))
    print(pairs.count((1, 2)), pairs.index((3, 4)), pairs[::-2])
    nested = (t[:2], words[:1])
    print(nested, len(nested[0] + nested[1]))


if __name__ == "__main__":
    main()
