"""Errors through a driver loop: a KeyError raised in a coroutine passes
the driver's `except StopIteration` on to the caller's handler; awaiting a
coroutine a second time is CPython's RuntimeError, left uncaught."""

from collections.abc import Generator
from typing import Any, Coroutine


class Tick:
    def __await__(self) -> Generator[None, None, None]:
        yield


async def lookup(table: dict[str, int], key: str) -> int:
    await Tick()
    return table[key]


async def both(c: Coroutine[Any, Any, int]) -> int:
    first = await c
    second = await c
    return first + second


def drive(c: Coroutine[Any, Any, int]) -> int:
    steps = 0
    while True:
        try:
            c.send(None)
        except StopIteration as e:
            result: int = e.value
            return result
        steps += 1


def main() -> None:
    table = {"a": 1}
    print(drive(lookup(table, "a")))
    try:
        drive(lookup(table, "b"))
    except KeyError as e:
        print("missing", e)
    print(drive(both(lookup(table, "a"))))


if __name__ == "__main__":
    main()
