"""A `try` block that raises nothing, in a Linux program.

`guarded(i)` calls a function inside `try`/`except ValueError`; the
baseline calls it without the `try`.  Pythos compiles exceptions as
checked error results (docs/compiler.md, "Exceptions: checked error
results"): a handler is a branch target, not code that runs on entry, so
a `try` whose body cannot raise costs nothing, and one whose body can
costs the one test after the call that its caller would make anyway.
`step` divides by a value that can be zero, so it can raise
ZeroDivisionError and the test after it stays.
"""

from typing import Final

PAIRS: Final = 40000000


def step(i: int, d: int) -> int:
    return (i * 7) // d


def guarded(i: int, d: int) -> int:
    try:
        return step(i, d)
    except ValueError:
        return -1


def pairs(count: int, d: int) -> int:
    total = 0
    for i in range(count):
        total += guarded(i, d)  # pair
    return total


def main() -> None:
    # 3, from a value the optimiser cannot see through, so that the
    # division and its zero test stay in the loop.
    divisor = len(str(PAIRS)) - 5
    print(f"checksum {pairs(PAIRS, divisor)}")


if __name__ == "__main__":
    main()
