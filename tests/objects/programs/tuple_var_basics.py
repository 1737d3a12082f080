"""Variable-length tuples, tuple[T, ...]: displays and fixed tuples converted
where one is wanted, tuple() of a list, len, indexing (negative, and the
IndexError), slicing, for, in, comparisons, hash, text, +, and as dict
keys, set items and list items."""

def total(xs: tuple[int, ...]) -> int:
    s = 0
    for x in xs:
        s += x
    return s


def main() -> None:
    t: tuple[int, ...] = (1, 2, 3)
    print(t, len(t), t[0], t[-1], t[1:], t[::-1], total(t))
    e: tuple[int, ...] = ()
    print(e, len(e), bool(e), bool(t))
    one: tuple[str, ...] = ("a",)
    print(one, repr(one), str(one))
    u = tuple([4, 5, 6])
    print(u + t, 5 in u, 9 in u, u == (4, 5, 6), u < t, t < u, hash(t) == hash((1, 2, 3)))
    pair = (7, 8)
    v: tuple[int, ...] = pair
    print(v)
    o: tuple[object, ...] = ("x", 3, None, True)
    print(o, 3 in o, "x" in o, "y" in o)
    d: dict[tuple[int, ...], str] = {t: "t", u: "u"}
    print(d[(1, 2, 3)], d[tuple([4, 5, 6])])
    s: set[tuple[str, ...]] = {one, ("b", "c")}
    print(len(s), ("a",) in s)
    try:
        print(t[3])
    except IndexError as err:
        print("IndexError", err)
    ts: list[tuple[int, ...]] = [t, u, e]
    print(ts, f"{t}")


if __name__ == "__main__":
    main()
