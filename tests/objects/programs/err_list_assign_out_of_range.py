"""Assigning past the end of a list does not grow it: IndexError."""


def main() -> None:
    xs = [0] * 3
    xs[2] = 5
    print(xs)
    xs[3] = 6
    print(xs)


if __name__ == "__main__":
    main()
