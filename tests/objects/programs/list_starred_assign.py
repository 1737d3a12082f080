"""Starred assignment (issue 11): `first, *rest = xs` gives the starred
name a new list of the items the other names leave, from a list or a
tuple, in assignments, for loops and comprehensions; too few items is
CPython's ValueError, before anything is assigned."""


def main() -> None:
    xs = [1, 2, 3, 4, 5]
    first, *rest = xs
    print(first, rest)
    *init, last = xs
    print(init, last)
    a, *mid, z = xs
    print(a, mid, z)
    pair = [7, 8]
    a, b, *none = pair
    print(a, b, none)
    single = ["only"]
    head, *tail = single
    print(head, tail)
    p, *q = (1, 2, 3)
    print(p, q)
    name, *scores, note = ("ann", 90, 85, 77, "ok")
    print(name, scores, note)
    rows = [[1, 2, 3], [4, 5], [6]]
    for h, *t in rows:
        print(h, t)
    print([t for _, *t in rows])
    words = "the quick brown fox".split()
    w0, *others = words
    print(w0, others, len(others))
    one = [1]
    try:
        x, y, *z2 = one
        print(x, y, z2)
    except ValueError as e:
        print("ValueError:", e)
    for items in ([1], [1, 2, 3]):  # without a starred name, for comparison
        try:
            u, v = items
            print(u, v)
        except ValueError as e:
            print("ValueError:", e)


if __name__ == "__main__":
    main()
