# error: 6:5: a bare 'yield' yields None, but this generator yields i64
from collections.abc import Iterator


def numbers() -> Iterator[int]:
    yield


def main() -> None:
    print(list(numbers()))


if __name__ == "__main__":
    main()
