# error: 12:13: generator.throw() takes an exception instance, not "str"
from collections.abc import Generator, Iterator


def numbers() -> Generator[int, None, None]:
    yield 1


def main() -> None:
    g = numbers()
    print(next(g))
    g.throw("boom")


if __name__ == "__main__":
    main()
