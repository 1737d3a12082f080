"""Top-level functions as values: stored, passed and returned."""
from collections.abc import Callable


def double(x: int) -> int:
    return x * 2


def square(x: int) -> int:
    return x * x


def apply_all(fs: list[Callable[[int], int]], x: int) -> list[int]:
    return [f(x) for f in fs]


def pick(name: str) -> Callable[[int], int]:
    return double if name == "double" else square


def main() -> None:
    print(apply_all([double, square, double], 7))
    f = pick("square")
    g = pick("double")
    print(f(9), g(9), f is square, g is double)


if __name__ == "__main__":
    main()
