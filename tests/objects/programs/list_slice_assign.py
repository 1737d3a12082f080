"""Slice assignment grows, shrinks and replaces; del of a slice and of
an item."""


def main() -> None:
    xs = [0, 1, 2, 3, 4, 5]
    xs[1:3] = [10, 11, 12, 13]
    print(xs)
    xs[2:6] = []
    print(xs)
    xs[:0] = [-2, -1]
    print(xs)
    xs[len(xs):] = [99]
    print(xs)
    xs[::2] = [7, 7, 7, 7]
    print(xs)
    del xs[0]
    del xs[-1]
    print(xs)
    del xs[1:3]
    print(xs)


if __name__ == "__main__":
    main()
