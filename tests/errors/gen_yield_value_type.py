# error: 7:11: expected i64, got str
from collections.abc import Iterator


def numbers() -> Iterator[int]:
    yield 1
    yield "two"


def main() -> None:
    print(list(numbers()))


if __name__ == "__main__":
    main()
