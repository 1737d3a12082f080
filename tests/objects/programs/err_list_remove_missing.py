"""list.remove of a value that is not there: ValueError."""


def main() -> None:
    xs = [3, 1, 4]
    xs.remove(1)
    print(xs)
    xs.remove(9)


if __name__ == "__main__":
    main()
