"""Fixed tuples where a tuple[T, ...] is wanted: a variable, an argument, a
returned value, a field and a list item, each a new tuple of the wanted
type with the same items (ints boxed where objects are wanted); the
reference counts of the shared items stay exact (the leak check)."""

from dataclasses import dataclass


@dataclass
class Tag:
    name: str


class Record:
    def __init__(self, values: tuple[object, ...]) -> None:
        self.values = values


def describe(values: tuple[object, ...]) -> str:
    return f"{len(values)} {values}"


def pair(a: int, b: int) -> tuple[int, ...]:
    p = (a, b)
    return p


def main() -> None:
    tag = Tag("t")
    mixed = ("one", 2, tag, None, False)
    print(describe(mixed), describe(("x",)), describe(()))
    r = Record(mixed)
    print(r.values, r.values[2] is tag, r.values == mixed)
    r.values = (1, 2)
    print(r.values, 2 in r.values, describe(r.values))
    p = pair(3, 4)
    print(p, p + pair(5, 6), p == (3, 4), p < (3, 5))
    rows: list[tuple[int, ...]] = [(1,), (2, 3), p]
    rows.append((7, 8, 9))
    print(rows, sorted(rows), max(rows))
    tags: tuple[Tag, ...] = (tag, Tag("u"))
    print(tags, tags.count(tag), tags.index(Tag("u")))
    keys: dict[tuple[str, ...], int] = {("a", "b"): 1}
    keys[("a",)] = 2
    print(keys, keys[("a", "b")], ("a",) in keys)


if __name__ == "__main__":
    main()
