"""An OverflowError nobody catches: CPython's traceback, exit status 1."""


def factorial(n: int) -> int:
    result = 1
    for k in range(2, n + 1):
        result = result * k
    return result


def table(upto: int) -> None:
    for n in range(upto):
        print(n, factorial(n))


def main() -> None:
    table(30)


main()
