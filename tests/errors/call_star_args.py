# error: 10:36: 'total' takes *args, so it cannot be a Callable value here (a Callable[[...], R] has a fixed list of parameters); call it by name, or wrap it in a lambda
from typing import Callable


def total(*args: int) -> int:
    return sum(args)


def main() -> None:
    f: Callable[[int, int], int] = total
    print(f(1, 2))


main()
