"""The consumers over every iterable a `for` takes: generator expressions
with several `for` and `if` clauses, dict views, sets, str, range,
enumerate and zip, and CPython's order of evaluation (the iterable, then
`start`/`default=`, then the items one by one)."""


def noted(calls: list[str], tag: str, value: int) -> int:
    calls.append(tag)
    return value


def numbers(calls: list[str], tag: str) -> list[int]:
    calls.append(tag)
    return [4, -2, 7, 0, 3]


def main() -> None:
    xs = [3, -1, 4, -1, 5, 9, -2, 6]
    print(sum(x for x in xs if x > 0), sum(x * y for x in xs for y in xs if x < y))
    print(min(x * x for x in xs), max(abs_ for abs_ in xs), sorted(-x for x in xs))
    print(any(x > 8 for x in xs), all(x != 0 for x in xs), any(x > 9 for x in xs))
    print(list(str(x) for x in xs[:3]), set(x % 3 for x in xs) == {0, 1, 2})
    pairs = [(1, "one"), (2, "two"), (3, "three")]
    print(sum(n for n, _ in pairs), list(w for n, w in pairs if n != 2))
    print(dict((w, n) for n, w in pairs), max(len(w) for _, w in pairs))
    d = {"b": 2, "a": 1, "c": 3}
    print(sum(d.values()), sorted(d), list(d.items()), max(d), min(d.keys()))
    print(list(d), set(d.values()) == {1, 2, 3}, sorted(v for k, v in d.items() if k != "a"))
    print(dict(d), dict((k, v * 2) for k, v in d.items()), dict([(1, "x"), (2, "y"), (1, "z")]))
    print(sorted("hello"), list("héllo"), min("zebra"), max("zebra"), set("aab") == {"a", "b"})
    print(sum(range(10)), sum(range(5), 10), list(range(4)), sorted(range(5, 0, -1)))
    words = ["pear", "fig", "apple"]
    print(list(enumerate(words)), sorted(zip(words, xs)), list(zip(xs, words)))
    print(sum(i * len(w) for i, w in enumerate(words)), dict(zip(words, xs)))
    print(all(len(w) > 2 for w in words), any(w.startswith("f") for w in words))
    print(sum(n * len(x) for w, (n, x) in zip(words, pairs) if w != "fig"),
          list(w for w, (n, _) in zip(words, pairs) if n > 1))
    grid: list[list[int]] = [[1, 2, 3], [4, 5], [], [6]]
    print(sum(sum(row) for row in grid), max(len(row) for row in grid),
          list(v for row in grid for v in row if v % 2 == 1))
    calls: list[str] = []
    s = {5, 1, 3}
    print(sorted(s), sum(s), min(s), max(s), sorted(x * 10 for x in s))
    print(sum(numbers(calls, "iterable"), noted(calls, "start", 100)), calls)
    calls.clear()
    print(max((noted(calls, "item", x) for x in numbers(calls, "outer")), default=noted(calls, "default", -1)),
          calls)
    calls.clear()
    print(any(noted(calls, str(x), x) > 3 for x in [1, 5, 2, 9]), calls)
    calls.clear()
    print(all(noted(calls, str(x), x) > 0 for x in [1, 5, -2, 9]), calls)
    calls.clear()
    print(sorted((noted(calls, str(x), x) for x in [2, 1]), reverse=noted(calls, "r", 1) > 0),
          calls)
    empty: list[int] = []
    print(any(empty), all(empty), sum(empty), list(empty), sorted(empty), set(empty))
    print(min(empty, default=7), max(words, default="none"), min(3, 1, 2), max("b", "a", "c"))


if __name__ == "__main__":
    main()
