"""Extending a list with itself and with slices of itself."""


def main() -> None:
    xs = [1, 2, 3]
    xs.extend(xs)
    print(xs)
    xs += xs[:2]
    print(xs)
    xs[1:1] = xs[-2:]
    print(xs, len(xs))
    ys = xs[:]
    ys.append(0)
    print(len(xs), len(ys), ys is xs, ys[:-1] == xs)


if __name__ == "__main__":
    main()
