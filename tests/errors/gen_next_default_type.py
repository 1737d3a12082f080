# error: 11:19: the default of next() has type str, but the iterator gives i64
from collections.abc import Iterator


def numbers() -> Iterator[int]:
    yield 1


def main() -> None:
    g = numbers()
    print(next(g, "none"))


if __name__ == "__main__":
    main()
