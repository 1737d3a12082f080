"""Generator expressions as values: stored, passed where an Iterator is
expected, joined, nested, over a range() (its bounds taken at once) and
over any iterable (made an iterator at once, as CPython does), reading
the enclosing function's variables, consumed halfway and dropped."""
from collections.abc import Iterator


def first_word(xs: Iterator[str]) -> str:
    return next(xs)


def scaled(xs: list[int], k: int) -> Iterator[int]:
    return (x * k for x in xs if x != 0)


def main() -> None:
    xs = [3, 1, 2]
    k = 10
    g = (x * x for x in xs)
    print(list(g), list(g))
    print("".join(str(x) for x in xs))
    print(",".join(str(x + k) for x in xs if x > 1))
    h = (i * k for i in range(4) if i != 2)
    print(next(h), list(h))
    print(first_word(w.upper() for w in ["ab", "cd"]))
    pairs = ((a, b) for a in range(3) for b in "xy" if a != 1)
    print(list(pairs))
    nested = (sum(x for x in range(n)) for n in xs)
    print(list(nested))
    half = (x for x in xs)
    print(next(half))
    print(list(scaled([1, 0, 2], 5)), max(len(w) for w in ["a", "abc", "ab"]))
    letters = {"a": 1, "b": 2}
    keys = (key.upper() for key in letters)
    print(sorted(keys), 2 in (v for v in letters.values()))
    items = [f"{key}={value}" for key, value in ((kv[0], kv[1]) for kv in letters.items())]
    print(items)


if __name__ == "__main__":
    main()
