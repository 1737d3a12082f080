"""Exceptions from methods, overrides, closures, comprehensions, iterators and module code."""
from typing import Callable


class Shape:
    def area(self) -> int:
        raise NotImplementedError("area of an abstract shape")


class Square(Shape):
    def __init__(self, side: int) -> None:
        if side < 0:
            raise ValueError(f"negative side {side}")
        self.side = side

    def area(self) -> int:
        return self.side * self.side


class Countdown:
    def __init__(self, n: int) -> None:
        self.n = n

    def __iter__(self) -> "Countdown":
        return self

    def __next__(self) -> int:
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        if self.n == 2:
            raise RuntimeError("two is not allowed")
        return self.n


def make_checker(limit: int) -> Callable[[int], int]:
    def check(x: int) -> int:
        if x > limit:
            raise OverflowError(f"{x} > {limit}")
        return x
    return check


TABLE = {"one": 1, "two": 2}
MISSING = -1
try:
    print(TABLE["three"])
except KeyError as err:
    print("module code caught", repr(err))


def main() -> None:
    shapes: list[Shape] = [Square(2), Shape(), Square(3)]
    for s in shapes:
        try:
            print("area", s.area())
        except NotImplementedError as e:
            print("not implemented:", e)
    try:
        Square(-1)
    except ValueError as e:
        print("constructor:", e)
    check = make_checker(10)
    try:
        print([check(x) for x in [1, 5, 20, 3]])
    except OverflowError as e:
        print("in a comprehension:", e)
    seen: list[int] = []
    try:
        for v in Countdown(5):
            seen.append(v)
    except RuntimeError as e:
        print("iterator raised:", e, "after", seen)
    words = "a bb ccc".split()
    try:
        print(words.index("dddd"))
    except ValueError as e:
        print("str list:", e)
    counts: dict[int, str] = {1: "x"}
    try:
        print(counts[42])
    except KeyError as e:
        print("int key:", e, repr(e))
    try:
        print("abc"[10])
    except IndexError as e:
        print("str index:", e)
    try:
        print(int(" 12 "), int("0x1f", 16))
    except ValueError as e:
        print("never:", e)
    print("MISSING", MISSING)


if __name__ == "__main__":
    main()
