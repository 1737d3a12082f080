"""enumerate, zip and reversed as values (iterator objects): stored,
resumed with next() and for, returned by __iter__ as Iterator[...],
nested (enumerate of a zip), and a zip that ends on its shorter
iterable releasing the item the longer one gave; iter(d.items())."""
from collections.abc import Iterator


class Pairs:
    def __init__(self, a: list[str], b: list[int]) -> None:
        self.a = a
        self.b = b

    def __iter__(self) -> Iterator[tuple[str, int]]:
        return zip(self.a, self.b)


class Indexed:
    def __init__(self, words: list[str]) -> None:
        self.words = words

    def __iter__(self) -> Iterator[tuple[int, str]]:
        return enumerate(self.words, 1)


def main() -> None:
    d = {"x": 1, "y": 2}
    items = iter(d.items())
    print(next(items))
    for k, v in items:
        print(k, v)
    e = enumerate([f"s{i}" for i in range(3)])
    print(next(e))
    for i, s in e:
        print(i, s)
    z = zip("abc", [1, 2], ["p", "q", "r"])
    print(next(z), list_of(z))
    r = reversed([1, 2, 3])
    print(next(r), [x for x in r])
    rs = reversed("añb")
    print([c for c in rs])
    for w, n in Pairs(["u", "v", "w"], [7, 8]):
        print(w, n)
    print([p for p in Indexed(["one", "two"])])
    ez = enumerate(zip([f"k{i}" for i in range(4)], "xy"))
    print(next(ez))
    short = zip([f"a{i}" for i in range(3)], [1])
    print([t for t in short])


def list_of(z: Iterator[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    return [t for t in z]


if __name__ == "__main__":
    main()
