"""nonlocal of several variables, updated by a nested function that is
passed to another function."""
from collections.abc import Callable


def each(xs: list[int], f: Callable[[int], None]) -> None:
    for x in xs:
        f(x)


def stats(xs: list[int]) -> tuple[int, int, int]:
    count = 0
    total = 0
    biggest = -(10**9)

    def visit(x: int) -> None:
        nonlocal count, total, biggest
        count += 1
        total += x
        if x > biggest:
            biggest = x

    each(xs, visit)
    return count, total, biggest


def main() -> None:
    print(stats([4, 9, -2, 7]), stats([]))


if __name__ == "__main__":
    main()
