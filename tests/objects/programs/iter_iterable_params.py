"""Parameters typed Iterable[T] take lists, tuples, strs, dicts, sets,
generators and iterators; each loop over one starts from its beginning,
so a list passed as an Iterable can be walked twice."""

from __future__ import annotations

from typing import Iterable, Iterator


class Item:
    def __init__(self, name: str) -> None:
        self.name = name


def total(xs: Iterable[int]) -> int:
    return sum(xs)


def twice(xs: Iterable[int]) -> list[int]:
    out = [x for x in xs]
    for x in xs:
        out.append(x * 10)
    return out


def lens(xss: Iterable[list[int]]) -> list[int]:
    return [len(x) for x in xss]


def words(ws: Iterable[str]) -> str:
    return "-".join(ws) + "|" + ",".join(sorted(ws))


def names(items: Iterable[Item]) -> list[str]:
    return [i.name for i in items if "a" in i.name]


def has(xs: Iterable[int], x: int) -> bool:
    return x in xs


def gen(n: int) -> Iterator[int]:
    for i in range(n):
        yield i


def flatten(xss: Iterable[Iterable[int]]) -> Iterator[int]:
    for xs in xss:
        yield from xs


def gen_of(xs: Iterable[int]) -> Iterator[int]:
    yield from xs


def main() -> None:
    a = [1, 2]
    print(total(a), total([3, 4]), total(x for x in a), total(gen(4)), total((5, 6)),
          total({7, 8}), total({9: "a"}))
    print(twice(a), twice(gen(3)), twice((1,)))
    b = [[1], [2, 3]]
    print(lens(b), lens(iter(b)), words(["b", "a"]), words({"k": 1, "j": 2}), words("xyz"))
    print(names([Item("ab"), Item("c"), Item("ba")]), has(a, 2), has(a, 5), has(gen(3), 2))
    print(list(flatten([[1], [2, 3], []])), list(flatten([(4, 5), (6, 7)])))
    print(list(flatten(b)), total(frozenset({1, 2})), list(iter(a)), sorted(set(a)))
    print(list(gen_of([4, 5])), list(gen_of(gen_of((6,)))), twice(list(gen_of([7]))))


if __name__ == "__main__":
    main()
