# error: 12:25: generator.throw() takes one argument here, the exception instance (got 2); the (type, value, traceback) form is deprecated
from collections.abc import Generator, Iterator


def numbers() -> Generator[int, None, None]:
    yield 1


def main() -> None:
    g = numbers()
    print(next(g))
    g.throw(ValueError, ValueError("x"))


if __name__ == "__main__":
    main()
