"""A decorated function called by its name calls what the decorator
returned; an iterable class feeds list() and sum() (the consumers)."""
from collections.abc import Callable

CALLS: list[str] = []


def logged(f: Callable[[int], int]) -> Callable[[int], int]:
    CALLS.append("wrapped")
    return f


@logged
def double(x: int) -> int:
    return 2 * x


class Upto:
    def __init__(self, n: int) -> None:
        self.i = 0
        self.n = n

    def __iter__(self) -> "Upto":
        return self

    def __next__(self) -> int:
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


def main() -> None:
    print(double(21), CALLS)
    print(list(Upto(4)), sum(Upto(10)), sorted(Upto(3), key=lambda v: -v))


if __name__ == "__main__":
    main()
