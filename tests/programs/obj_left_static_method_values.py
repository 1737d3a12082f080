"""A static method used as a value (`C.f`, without a call): in a list, a
variable, a dict and as a key function, alongside functions and lambdas."""
from collections.abc import Callable


class Scale:
    @staticmethod
    def double(x: int) -> int:
        return x * 2

    @staticmethod
    def negate(x: int) -> int:
        return -x


def square(x: int) -> int:
    return x * x


def main() -> None:
    ops: list[Callable[[int], int]] = [Scale.double, square, Scale.negate, lambda x: x + 1]
    print([op(5) for op in ops])
    pick: Callable[[int], int] = Scale.negate
    print(pick(3), sorted([3, -1, 2], key=Scale.negate))
    table: dict[str, Callable[[int], int]] = {"d": Scale.double, "s": square}
    print(table["d"](table["s"](3)))


if __name__ == "__main__":
    main()
