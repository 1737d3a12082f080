"""An item read and then stored under the same key: `d[k] = d.get(k, 0) + 1`
and `d[k] += n`, with the key present and absent, through resizes, with
int, bool and str keys; next to pairs that must look the key up twice
(a call in between changes the dict; a key whose __hash__ and __eq__
print, so their calls can be counted)."""


class Loud:
    def __init__(self, n: int) -> None:
        self.n = n

    def __hash__(self) -> int:
        print("hash", self.n)
        return self.n % 3

    def __eq__(self, other: object) -> bool:
        print("eq", self.n)
        return isinstance(other, Loud) and other.n == self.n


def drop(d: dict[str, int], k: str) -> int:
    """Changes the dict between the read and the store."""
    del d[k]
    for i in range(20):
        d[f"filler{i}"] = i
    return 10


def main() -> None:
    counts: dict[str, int] = {}
    words = "b a c a b a d e f g h i j k l m n o p q r s t u v w x y z a".split()
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    print(counts)
    for w in words[:4]:
        counts[w] += 100
    print(counts["a"], counts["b"], counts["c"], len(counts))
    try:
        counts["missing"] += 1
    except KeyError as e:
        print("KeyError", e)
    print("missing" in counts, len(counts))

    squares: dict[int, int] = {}
    for i in range(1000):
        k = (i * 7919) % 613
        squares[k] = squares.get(k, -k) + i
    print(len(squares), squares[0], squares[612], sum(squares.values()))
    flags: dict[bool, int] = {}
    for i in range(10):
        flags[i % 3 == 0] = flags.get(i % 3 == 0, 0) + i
    print(flags)

    d: dict[str, int] = {"k": 1}
    d["k"] = d.get("k", 0) + drop(d, "k")
    print(d["k"], len(d), list(d)[:3], list(d)[-1])

    text: dict[str, str] = {}
    for w in words[:6]:
        text[w] = text.get(w, "") + w.upper()
    print(text)
    joined: dict[str, str] = {}
    for i, w in enumerate(words):
        joined[w] = joined.get(w, "") + w
        if i % 7 == 0:
            joined[w] += str(i)
    print(joined["a"], joined["b"], len(joined))

    loud: dict[Loud, int] = {}
    a = Loud(1)
    b = Loud(4)
    loud[a] = loud.get(a, 0) + 1
    loud[b] = loud.get(b, 0) + 1
    loud[Loud(4)] = loud.get(Loud(4), 0) + 1
    loud[a] += 5
    print(sorted(v for v in loud.values()))


if __name__ == "__main__":
    main()
