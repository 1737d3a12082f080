"""Closures with nonlocal: each call of the factory has its own state."""
from collections.abc import Callable


def counter(start: int, step: int) -> Callable[[], int]:
    n = start

    def next_value() -> int:
        nonlocal n
        n += step
        return n

    return next_value


def main() -> None:
    a = counter(0, 1)
    b = counter(100, -10)
    print(a(), a(), b(), a(), b())
    fs = [counter(i, i) for i in range(3)]
    print([f() for f in fs], [f() for f in fs])


if __name__ == "__main__":
    main()
