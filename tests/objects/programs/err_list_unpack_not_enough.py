"""Unpacking a list with too few items: CPython's message gives both counts."""


def main() -> None:
    words = ["one"]
    print(len(words))
    first, second, third = words + ["two"]
    print(first, second, third)


if __name__ == "__main__":
    main()
