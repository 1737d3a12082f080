# error: 12:5: generator.close() is not compiled yet (issue 12): it needs exceptions
from collections.abc import Generator


def numbers() -> Generator[int, None, None]:
    yield 1


def main() -> None:
    g = numbers()
    print(next(g))
    g.close()


if __name__ == "__main__":
    main()
