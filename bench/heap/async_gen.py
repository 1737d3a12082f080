"""An `async for` over 1 million items of an asynchronous generator
(issue 12, PEP 525).

The generator yields a running hash of its position and, every 64th item,
awaits a yield-now awaitable (a class whose `__await__` yields None
once), which suspends the whole chain out to a small driver loop, as a
task waiting on a future would be.  The consumer is a coroutine that
folds the items into a checksum with `async for`; the driver sends None
to it until StopIteration brings the result.

Exercises: an asynchronous generator (`async def` with `yield` and
`await`), `async for` over it, an object with `__await__`, and the
driver loop's `coro.send(None)` in `try/except StopIteration as e` with
`e.value`.  The time is, per item, a resume of the suspended generator by the
`async for` and its suspension at the `yield` (the consumer's frame and
the generator's), plus, every 64th item, one round trip out to the
driver through both frames.
"""

from __future__ import annotations

from typing import Any, AsyncIterator, Coroutine, Final, Generator

ITEMS: Final = 1_000_000
AWAIT_EVERY: Final = 64


class YieldNow:
    """Suspend once, back to the driver."""

    def __await__(self) -> Generator[None, None, None]:
        yield


async def numbers(count: int) -> AsyncIterator[int]:
    h = 17
    for i in range(count):
        if i % AWAIT_EVERY == 0:
            await YieldNow()
        h = (h * 31 + i) & 0xFFFFFF
        yield h


async def consume(count: int) -> int:
    total = 0
    seen = 0
    async for x in numbers(count):
        total = (total * 7 + x) & 0xFFFFFFF
        seen += 1
    return total + seen


def drive(c: Coroutine[Any, Any, int]) -> tuple[int, int]:
    """Send None until the coroutine finishes: (its result, the sends)."""
    sends = 0
    while True:
        sends += 1
        try:
            c.send(None)
        except StopIteration as e:
            result: int = e.value
            return result, sends


def main() -> None:
    result, sends = drive(consume(ITEMS))
    print("sends", sends)
    print("checksum", result)


if __name__ == "__main__":
    main()
