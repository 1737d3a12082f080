"""A memoising wrapper built from a closure over a dict."""
from collections.abc import Callable


def memo(f: Callable[[int], int]) -> Callable[[int], int]:
    cache: dict[int, int] = {}

    def wrapped(n: int) -> int:
        if n not in cache:
            cache[n] = f(n)
        return cache[n]

    return wrapped


calls = [0]


def slow_square(n: int) -> int:
    calls[0] += 1
    return n * n


def main() -> None:
    fast = memo(slow_square)
    print([fast(i % 4) for i in range(12)], calls[0])


if __name__ == "__main__":
    main()
