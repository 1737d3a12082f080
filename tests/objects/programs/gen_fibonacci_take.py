"""An endless generator cut short: take() and a while loop with next()."""
from collections.abc import Iterator


def fibonacci() -> Iterator[int]:
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n: int, it: Iterator[int]) -> list[int]:
    out: list[int] = []
    while len(out) < n:
        out.append(next(it))
    return out


def main() -> None:
    print(take(10, fibonacci()))
    fib = fibonacci()
    total = 0
    while total < 100:
        total += next(fib)
    print(total, next(fib))


if __name__ == "__main__":
    main()
