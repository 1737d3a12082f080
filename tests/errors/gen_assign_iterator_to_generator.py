# error: 10:37: expected Generator[i64, None, None], got Iterator[i64]
from collections.abc import Generator, Iterator


def numbers() -> Iterator[int]:
    yield 1


def main() -> None:
    g: Generator[int, None, None] = iter([1, 2])
    print(next(g), list(numbers()))


if __name__ == "__main__":
    main()
