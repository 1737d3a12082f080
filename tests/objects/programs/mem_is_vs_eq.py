"""`is` is identity, `==` is value equality, for lists, dicts and
instances; copies are equal but not identical."""


class Thing:
    pass


def main() -> None:
    a = [[1], [2, 3]]
    b = [[1], [2, 3]]
    print(a == b, a is b)
    c = a.copy()
    print(c == a, c is a, c[1] is a[1])
    t = Thing()
    u = t
    print(t is u, t is Thing(), t == u, t != Thing())
    d = {"x": t}
    print(d["x"] is t, {"x": t} == d)


if __name__ == "__main__":
    main()
