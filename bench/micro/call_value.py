"""A plain function call that the compiler cannot inline, in a Linux
program: the yardstick for gen_resume.py (issue 12).

`f(i)` calls `low_bits` through a function value taken from a list, so
neither LLVM nor the builder sees which function it is: an indirect
call, its argument, its return.  bench/micro.py times this program and
a copy with `f(i)` replaced by `i & 7`.
"""

from collections.abc import Callable
from typing import Final

CALLS: Final = 40000000


def low_bits(i: int) -> int:
    return i & 7


def calls(count: int) -> int:
    fs: list[Callable[[int], int]] = [low_bits]
    f = fs[0]
    total = 0
    for i in range(count):
        total += f(i)  # pair
    return total


def main() -> None:
    print(f"checksum {calls(CALLS)}")


if __name__ == "__main__":
    main()
