"""throw() of an exception class throws an instance made with no arguments."""
from collections.abc import Generator


def numbers() -> Generator[int, None, None]:
    try:
        yield 1
    except KeyError as e:
        print("caught", repr(e))
        yield 2


def main() -> None:
    g = numbers()
    print(next(g))
    print(g.throw(KeyError))
    g.throw(ValueError)


if __name__ == "__main__":
    main()
