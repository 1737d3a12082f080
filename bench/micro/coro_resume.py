"""Resuming a suspended coroutine, in a Linux program (issue 12).

`c.send(None)` of an endless coroutine that awaits a yield-now future
kept in a variable: the runtime's checks (a coroutine, neither finished
nor running, sent None), an indirect call of the coroutine's resume
function, the jump on its frame's state, then the await loop's resume
of the future's generator, and the two suspensions back.  bench/micro.py
times this program and a copy with the send replaced by its `# pair`
baseline (the loop alone); the difference per send, set against
`call_value.py`'s cost of a call, is issue 12's measure: a resume should
cost no more than about three calls.
"""

from collections.abc import Generator
from typing import Final

RESUMES: Final = 40000000


class Forever:
    """Suspends every time it is resumed, and never ends."""

    def __await__(self) -> Generator[None, None, None]:
        while True:
            yield


async def spin(f: Forever) -> None:
    await f


def resumes(count: int) -> int:
    c = spin(Forever())
    total = 0
    for i in range(count):
        c.send(None)  # pair
        total += 1
    return total


def main() -> None:
    print(f"checksum {resumes(RESUMES)}")


if __name__ == "__main__":
    main()
