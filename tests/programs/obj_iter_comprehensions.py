"""Comprehensions in every form: list, set and dict comprehensions with
nested for clauses and ifs, unpacking targets, over str, dicts, sets,
tuples, enumerate/zip/reversed and iterator classes, and Python 3's
scoping (a comprehension's variable does not leak, nor change the
function's variable of the same name)."""


class Evens:
    def __init__(self, limit: int) -> None:
        self.at = 0
        self.limit = limit

    def __iter__(self) -> "Evens":
        return self

    def __next__(self) -> int:
        if self.at >= self.limit:
            raise StopIteration
        self.at += 2
        return self.at - 2


def main() -> None:
    words = ["apple", "kiwi", "fig", "banana"]
    prices = {"tea": 3, "cake": 5, "jam": 2}
    print([w.upper() for w in words if len(w) > 3])
    print({w: len(w) for w in words})
    print({len(w) for w in words})
    print([k for k, v in prices.items() if v > 2])
    print({v: k for k, v in prices.items()})
    print([(i, c) for i, c in enumerate("héllo") if c != "l"])
    print([a * b for a, b in zip([1, 2, 3], (4, 5, 6))])
    print([x for x in reversed(words)])
    print([c for w in words for c in w if c in "aeiou"])
    print([(i, j) for i in range(4) for j in range(i) if (i + j) % 2 == 1])
    print([[j for j in range(i)] for i in range(3)][2])
    print([ord(c) - 96 for c in "abc"])
    print({n % 3 for n in {1, 2, 3, 4, 5, 6}})
    print([x + 1 for x in Evens(7)])
    print({x: x * x for x in Evens(5) if x > 0})
    pairs = [((1, 2), "a"), ((3, 4), "b")]
    print([f"{s}{p + q}" for (p, q), s in pairs])
    print([n * k for n, (k, _) in enumerate(prices.items(), start=1)])
    x = "outer"
    squares = [x * x for x in range(5)]
    print(squares, x)
    c = 99
    print({c: c for c in "ab"}, c)
    grid = [[r * 3 + col for col in range(3)] for r in range(3)]
    print([row[i] for i, row in enumerate(grid)])
    print([[y for y in row if y % 2 == 0] for row in grid])
    print(sorted_keys({k: v for k, v in zip("cab", range(3))}))


def sorted_keys(d: dict[str, int]) -> list[str]:
    out: list[str] = []
    for k in d:
        out.append(k)
    out.sort()
    return out


if __name__ == "__main__":
    main()
