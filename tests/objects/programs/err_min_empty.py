"""max of an empty list: ValueError."""


def main() -> None:
    xs = [4, 2]
    print(max(xs))
    xs.clear()
    print(max(xs))


if __name__ == "__main__":
    main()
