"""`a = b` then mutate: both names see the change; copies do not."""


def main() -> None:
    a = [1, 2, 3]
    b = a
    b.append(4)
    b[0] = 100
    print(a, b, a is b)
    c = a[:]
    d = list(a)
    e = a.copy()
    c.append(5)
    d[0] = -1
    e.clear()
    print(a, c, d, e, c is a, d is a)
    a = [0]
    print(a, b)


if __name__ == "__main__":
    main()
