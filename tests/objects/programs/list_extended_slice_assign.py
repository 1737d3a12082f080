"""Assignment to extended slices (steps other than 1) needs the same
length; deleting an extended slice."""


def main() -> None:
    xs = list(range(10))
    xs[::2] = [0] * 5
    print(xs)
    xs[1::3] = [-1, -2, -3]
    print(xs)
    xs[::-1] = list(range(10))
    print(xs)
    del xs[::3]
    print(xs)
    del xs[-1:-4:-1]
    print(xs)


if __name__ == "__main__":
    main()
