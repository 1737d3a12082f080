"""Lambdas typed by their context: Callable variables, parameters, key=."""
from collections.abc import Callable


def compose(f: Callable[[int], int], g: Callable[[int], int]) -> Callable[[int], int]:
    return lambda x: f(g(x))


def main() -> None:
    inc: Callable[[int], int] = lambda x: x + 1
    neg: Callable[[int], int] = lambda x: -x
    both = compose(inc, neg)
    print(inc(1), neg(2), both(10))
    other = compose(neg, inc)
    print(other(10))
    pairs = [("b", 2), ("a", 3), ("c", 1)]
    print(sorted(pairs, key=lambda p: p[1]), max(pairs, key=lambda p: p[0]))
    join: Callable[[str, str], str] = lambda a, b: a + "-" + b
    print(join("x", "y"))


if __name__ == "__main__":
    main()
