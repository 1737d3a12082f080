# error: 13:6: unsupported decorator
from collections.abc import Callable


def trace(f: Callable[[int], int]) -> Callable[[int], int]:
    return f


class Counter:
    def __init__(self) -> None:
        self.n = 0

    @trace
    def bump(self, by: int) -> int:
        self.n += by
        return self.n


def main() -> None:
    print(Counter().bump(2))


if __name__ == "__main__":
    main()
