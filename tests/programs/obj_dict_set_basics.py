"""Dicts and sets: displays, d[k], d[k] = v, del and re-insertion order, in,
len, get, pop, setdefault, ==, iteration over keys, values and items
(with `for k, v in d.items()`), print and str/repr; keys of int and str,
values of int, str and instances; set add, discard, remove, the
operators and |=, -=, issubset, iteration."""


class Point:
    def __init__(self, x: int) -> None:
        self.x = x


def count_words(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    word = ""
    for c in text + " ":
        if c == " ":
            if word:
                counts[word] = counts.get(word, 0) + 1
            word = ""
        else:
            word += c
    return counts


def main() -> None:
    d = {"a": 1, "b": 2, "é": 3}
    print(d, len(d), d["b"], "a" in d, "z" not in d)
    d["c"] = 4
    d["a"] = 10
    del d["b"]
    d["b"] = 5
    print(d)
    for k in d:
        print(k, d[k], end="; ")
    print()
    for k, v in d.items():
        print(f"{k}={v}", end=" ")
    print()
    total = 0
    for v in d.values():
        total += v
    for k in d.keys():
        total += len(k)
    print(total, d.get("zz", -1), d.pop("c"), d.setdefault("q", 7), d.setdefault("a", 0))
    print(d, bool(d), bool({1: 2}) and True)
    e: dict[int, str] = {}
    if not e:
        print("empty", e)
    for i in range(5):
        e[i * i] = str(i)
    print(e, e == {0: "0", 1: "1", 4: "2", 9: "3", 16: "4"}, e != {})
    print(count_words("the cat the dog the end"))
    pts: dict[int, Point] = {1: Point(10), 2: Point(20)}
    p = pts.get(2)
    if p is not None:
        print(p.x)
    print(pts[1].x, len(pts))
    s = {3, 1, 2}
    s.add(5)
    s.discard(1)
    s.remove(2)
    print(s, 3 in s, 4 in s, len(s))
    t = {5, 6, 7}
    print(s | t, s & t, s - t, s ^ t, s.issubset(t), {5}.issubset(t), s == {3, 5})
    print(s <= t, {5} < t, t >= {5, 6}, t > t, s < s | t)
    u = {1}
    u |= {2, 3}
    u -= {1}
    print(u, sorted_sum(u))
    names = {"x", "y"}
    print(len(names), "x" in names, str(d), repr(s))


def sorted_sum(s: set[int]) -> int:
    n = 0
    for x in s:
        n += x
    return n


if __name__ == "__main__":
    main()
