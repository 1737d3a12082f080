"""A dict of callbacks, called by name at run time."""
from collections.abc import Callable


def add(a: int, b: int) -> int:
    return a + b


def sub(a: int, b: int) -> int:
    return a - b


def main() -> None:
    ops: dict[str, Callable[[int, int], int]] = {"+": add, "-": sub}
    ops["*"] = lambda a, b: a * b
    for expr in ["3 + 4", "10 - 7", "6 * 7"]:
        a, op, b = expr.split()
        f = ops[op]
        print(expr, "=", f(int(a), int(b)))
    print(sorted(ops))


if __name__ == "__main__":
    main()
