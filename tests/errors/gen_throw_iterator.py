# error: 11:5: "Iterator[i64]" has no attribute "close"
from collections.abc import Iterator


def numbers() -> Iterator[int]:
    yield 1


def main() -> None:
    g = numbers()
    g.close()


if __name__ == "__main__":
    main()
