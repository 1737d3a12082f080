"""Resuming a suspended generator, in a Linux program (issue 12).

`next(it)` of an endless generator runs its resume function from the
`yield` it stopped at to the next one: the runtime's check that it is a
generator and not finished or running, an indirect call of the resume
function, the jump on the frame's state, the item handed back through
the out slot.  bench/micro.py times this program and a copy with
`next(it)` replaced by `1` (the loop's own cost); the difference per
resume, set against `call_value.py`'s cost of a call, is issue 12's
measure: a resume should cost no more than about three calls.
"""

from collections.abc import Iterator
from typing import Final

RESUMES: Final = 40000000


def ones() -> Iterator[int]:
    while True:
        yield 1


def resumes(count: int) -> int:
    it = ones()
    total = 0
    for i in range(count):
        total += next(it)  # pair
    return total


def main() -> None:
    print(f"checksum {resumes(RESUMES)}")


if __name__ == "__main__":
    main()
