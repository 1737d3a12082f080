# error: 12:13: generator.throw() of the class 'ValueError': throw an instance, ValueError()
from collections.abc import Generator, Iterator


def numbers() -> Generator[int, None, None]:
    yield 1


def main() -> None:
    g = numbers()
    print(next(g))
    g.throw(ValueError)


if __name__ == "__main__":
    main()
