"""A tuple goes where a tuple of wider item types is wanted (mypy's
tuples are covariant), and its integers become boxes there: in a
variable, a return, an argument, a list, a dict, a field, nested."""

from typing import Callable



class Holder:
    def __init__(self, pair: tuple[int | None, str]) -> None:
        self.pair = pair


def pick(flag: bool, n: int) -> tuple[int | None, str]:
    u: tuple[int | None, str] = (n, "b")
    if flag:
        u = (None, "c")
    return u


def literal() -> tuple[int | None, str]:
    return (1, "lit")


def first(p: tuple[int | None, str]) -> int:
    a, _ = p
    return -1 if a is None else a


def nested() -> tuple[tuple[int | None, bool | None], str]:
    inner = (7, True)
    return (inner, "n")


def total(xs: tuple[object, ...]) -> int:
    return len(xs)


def lookups() -> None:
    print(total((1, "a", None)), total((None, 2)))
    pairs: list[tuple[int | None, str]] = [(2, "z"), (None, "n")]
    print((2, "z") in pairs, (3, "z") in pairs, (None, "n") in pairs)
    print(pairs.index((2, "z")), pairs.count((2, "z")))
    s: set[tuple[int | None, str]] = {(1, "s")}
    s.add((2, "t"))
    print((1, "s") in s, (2, "t") not in s, (3, "s") in s, sorted(s, key=lambda p: p[1]))
    s.discard((1, "s"))
    print(s)
    d: dict[tuple[int | None, str], int] = {(5, "k"): 1}
    d[(None, "k")] = 2
    print(d[(5, "k")], (5, "k") in d, (6, "k") in d, d.get((None, "k")), d.get((7, "k")))
    f: Callable[[], tuple[int, str]] = lambda: (8, "l")
    g: tuple[int | None, str] = f()
    print(g, [q for q in [(4, "c")] if q[0] == 4])
    comp: list[tuple[int | None, str]] = [(i, str(i)) for i in range(3)]
    print(comp)
    # An int looked up where the keys are `int | None` boxes.
    opt: set[int | None] = {1, None}
    n = 1
    print(n in opt, 2 in opt, None in opt, n not in opt)
    named: dict[int | None, str] = {1: "a"}
    print(n in named, 2 in named)


def main() -> None:
    for flag in (True, False):
        a, b = pick(flag, 5)
        print(a, b, pick(flag, 6))
    print(literal(), first(literal()), first((None, "x")), first((9, "y")))
    t: tuple[int, str] = (4, "q")
    w: tuple[int | None, str] = t
    print(w, w[0], w[1], w == (4, "q"), hash(w) == hash((4, "q")))
    pairs: list[tuple[int | None, str]] = [(2, "z")]
    pairs.append((None, "n"))
    pairs.append(t)
    print(pairs, [p[0] for p in pairs], sorted(p[1] for p in pairs))
    table: dict[str, tuple[int | None, str]] = {"k": (3, "v")}
    table["m"] = (None, "w")
    print(table, table["k"][0])
    h = Holder((11, "h"))
    print(h.pair, first(h.pair))
    h.pair = (None, "gone")
    print(h.pair)
    (i, on), name = nested()
    print(i, on, name, nested())
    big = (1 << 40, "big")
    o: tuple[int | None, str] = big
    print(o[0], o)
    neg: tuple[int | None, int | None] = (-3, 0)
    print(neg, neg[0], neg[1])
    lookups()


if __name__ == "__main__":
    main()
