# error: 8:26: 'yield' inside an expression is not compiled yet (issue 12): write it as a statement or as
from collections.abc import Generator


def adder() -> Generator[int, int, None]:
    total = 0
    while True:
        total = total + (yield total)


def main() -> None:
    a = adder()
    print(next(a), a.send(2))


if __name__ == "__main__":
    main()
