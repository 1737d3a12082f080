# error: 6:11: the value of 'yield' is what send() passes in, but this generator is declared
from collections.abc import Iterator


def numbers() -> Iterator[int]:
    got = yield 1
    print(got)


def main() -> None:
    print(list(numbers()))


if __name__ == "__main__":
    main()
