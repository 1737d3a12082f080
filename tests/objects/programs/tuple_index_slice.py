"""Indexing with constant indexes, len, in, count and index, + and *."""


def main() -> None:
    t = (10, 20, 30, 20)
    print(t[0], t[-1], len(t), 20 in t, 99 in t, t.count(20), t.index(30))
    u = t + (40,)
    print(u, t[1:3], t[::-1], t[-10:2])
    empty = ()
    print(empty, len(empty), (1,), (1, 2) + ())


if __name__ == "__main__":
    main()
