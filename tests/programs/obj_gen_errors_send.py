"""Sending a value other than None to a just-started generator is
CPython's TypeError, which stops the program with its report."""
from collections.abc import Generator


def echo() -> Generator[int, int, None]:
    got = 0
    while True:
        got = yield got * 2


def main() -> None:
    e = echo()
    print(next(e), e.send(4), e.send(5))
    fresh = echo()
    print("sending to a fresh generator")
    print(fresh.send(1))


if __name__ == "__main__":
    main()
