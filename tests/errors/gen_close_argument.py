# error: 12:5: Generator.close() takes 0 arguments but 1 were given
from collections.abc import Generator, Iterator


def numbers() -> Generator[int, None, None]:
    yield 1


def main() -> None:
    g = numbers()
    print(next(g))
    g.close(1)


if __name__ == "__main__":
    main()
