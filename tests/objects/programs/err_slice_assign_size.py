"""An extended slice assigned a list of the wrong length: ValueError."""


def main() -> None:
    xs = [0, 1, 2, 3, 4, 5]
    xs[::2] = [9, 9, 9]
    print(xs)
    xs[::2] = [7, 7]
    print(xs)


if __name__ == "__main__":
    main()
