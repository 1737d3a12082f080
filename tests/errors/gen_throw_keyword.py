# error: 12:13: generator.throw() takes no keyword arguments
from collections.abc import Generator, Iterator


def numbers() -> Generator[int, None, None]:
    yield 1


def main() -> None:
    g = numbers()
    print(next(g))
    g.throw(value=ValueError("x"))


if __name__ == "__main__":
    main()
