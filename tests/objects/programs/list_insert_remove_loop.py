"""Keeping a list sorted by inserting at the right place; removing the
first match only."""


def insort(xs: list[int], x: int) -> None:
    i = 0
    while i < len(xs) and xs[i] < x:
        i += 1
    xs.insert(i, x)


def main() -> None:
    xs: list[int] = []
    for v in [5, 1, 4, 1, 5, 9, 2, 6]:
        insort(xs, v)
    print(xs)
    xs.remove(5)
    xs.remove(1)
    print(xs)
    while 9 in xs:
        xs.remove(9)
    print(xs, len(xs))


if __name__ == "__main__":
    main()
