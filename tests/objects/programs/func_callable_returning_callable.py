"""Functions that return functions that return functions (currying)."""
from collections.abc import Callable


def adder(a: int) -> Callable[[int], Callable[[int], int]]:
    def with_b(b: int) -> Callable[[int], int]:
        def with_c(c: int) -> int:
            return a * 100 + b * 10 + c
        return with_c
    return with_b


def main() -> None:
    f = adder(1)
    g = f(2)
    print(g(3), adder(4)(5)(6), f(9)(9))


if __name__ == "__main__":
    main()
