"""Bound methods as values keep their instance."""
from collections.abc import Callable


class Account:
    def __init__(self, name: str) -> None:
        self.name = name
        self.balance = 0

    def deposit(self, n: int) -> int:
        self.balance += n
        return self.balance


def repeat(f: Callable[[int], int], times: int, arg: int) -> int:
    r = 0
    for _ in range(times):
        r = f(arg)
    return r


def main() -> None:
    a = Account("a")
    b = Account("b")
    dep = a.deposit
    print(dep(5), dep(5), a.balance, b.balance)
    print(repeat(b.deposit, 3, 7), b.balance)
    ops = [a.deposit, b.deposit]
    print([op(1) for op in ops], a.balance, b.balance)


if __name__ == "__main__":
    main()
