"""A round-robin of 1,000 coroutines through 10 million awaits (issue 12).

A small executor, written the way the kernel's is: each task is a
coroutine; it awaits a hand-written yield-now awaitable (a class whose
`__await__` is a generator that yields None once), which hands control
back to the executor; the executor sends None to each task in turn,
catches the StopIteration that ends one and keeps its result.

Exercises: `async def`, `await` of a coroutine (a two-deep chain: the task
awaits a helper coroutine every tenth step) and of an object with
`__await__`, `coro.send(None)` in `try/except StopIteration as e` with
`e.value`.  Every await makes the awaitable and its generator frame, so
the time is a resume of a suspended coroutine, through the await loop,
plus two small allocations.
"""

from __future__ import annotations

from typing import Any, Coroutine, Final, Generator

TASKS: Final = 1000
AWAITS_PER_TASK: Final = 10_000  # 10 million awaits in all


class YieldNow:
    """Suspend once, so that the other tasks run."""

    def __await__(self) -> Generator[None, None, None]:
        yield


class Task:
    def __init__(self, ident: int, coro: Coroutine[Any, Any, int]) -> None:
        self.ident = ident
        self.coro = coro
        self.result = 0


async def checkpoint(seed: int) -> int:
    await YieldNow()
    return (seed * 31 + 7) & 0xFFFF


async def worker(ident: int, count: int) -> int:
    total = ident
    i = 0
    while i < count:
        if i % 10 == 0:
            total = (total + await_result(await_helper(total))) & 0xFFFFFF
            x = await checkpoint(total)
            total = (total + x) & 0xFFFFFF
        else:
            await YieldNow()
            total = (total + i) & 0xFFFFFF
        i += 1
    return total


def await_helper(total: int) -> int:
    return total >> 3


def await_result(value: int) -> int:
    return value & 0xFF


def run(tasks: list[Task]) -> int:
    """Send None to each task in turn until all have finished."""
    pending = tasks
    sends = 0
    while pending:
        still: list[Task] = []
        for task in pending:
            sends += 1
            try:
                task.coro.send(None)
            except StopIteration as e:
                task.result = e.value
                continue
            still.append(task)
        pending = still
    return sends


def main() -> None:
    tasks = [Task(i, worker(i, AWAITS_PER_TASK)) for i in range(TASKS)]
    sends = run(tasks)
    checksum = 0
    for t in tasks:
        checksum = (checksum * 33 + t.result) & 0xFFFFFFFF
    print("sends", sends)
    print("checksum", checksum)


if __name__ == "__main__":
    main()
