# error: 12:11: generator.throw() takes the exception instance to raise
from collections.abc import Generator, Iterator


def numbers() -> Generator[int, None, None]:
    yield 1


def main() -> None:
    g = numbers()
    print(next(g))
    print(g.throw())


if __name__ == "__main__":
    main()
