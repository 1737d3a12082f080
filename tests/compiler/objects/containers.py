"""Containers: literals, comprehensions, methods, slicing, unpacking and
the builtins over iterables; integers keep their sized types inside."""
from pythos.lang import u8


def histogram(words: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def main() -> None:
    xs = [3, 1, 2]
    xs.append(5)
    xs.extend([7, 8])
    xs.insert(0, 9)
    last = xs.pop()
    xs.sort()
    xs.reverse()
    squares = [x * x for x in xs if x % 2 == 1]
    print(xs[1:3], xs[::-1], squares, last, len(xs), 3 in xs)
    data: list[u8] = [u8(1), u8(255)]
    data[0] += u8(1)
    print(data[0] + data[1])
    d = histogram("a b a c".split())
    for k, v in d.items():
        print(k, v)
    for i, w in enumerate(sorted(d.keys(), key=lambda k: d[k])):
        print(i, w)
    seen = {w for w in d}
    seen.add("z")
    both = seen | {"q"}
    print(sorted(both), min(xs), max(xs), sum(xs), any(x > 8 for x in xs))
    a, b = 1, 2
    a, b = b, a
    pair = (a, "two")
    n, name = pair
    print(n, name, pair[1], list(zip(xs, squares)), list(reversed(xs)))
    table = {k: len(k) for k in ["ab", "c"]}
    del table["c"]
    text = ", ".join(["x", "y"]).upper().strip()
    print(text, text.startswith("X"), text.find("Y"), int("42"), int("ff", 16), all(xs))


if __name__ == "__main__":
    main()
