# error: 16:13: 'NotAnError' is not an exception class (it does not derive from BaseException)
from collections.abc import Generator


class NotAnError:
    pass


def numbers() -> Generator[int, None, None]:
    yield 1


def main() -> None:
    g = numbers()
    print(next(g))
    g.throw(NotAnError)


if __name__ == "__main__":
    main()
