# error: 12:13: generator.throw() takes an exception instance, not "i64"
from collections.abc import Generator, Iterator


def numbers() -> Generator[int, None, None]:
    yield 1


def main() -> None:
    g = numbers()
    print(next(g))
    g.throw(5)


if __name__ == "__main__":
    main()
