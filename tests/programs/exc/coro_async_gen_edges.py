"""Asynchronous generators at their edges (issue 12): await inside
finally during aclose, a generator that ignores GeneratorExit,
StopAsyncIteration escaping a body (PEP 525's RuntimeError), athrow
before the start, throw and close of the coroutine that awaits an item,
a generator method whose cleanup fails when it is dropped, and an
uncaught exception through the generator's frame."""

from collections.abc import AsyncGenerator, AsyncIterator, Generator
from typing import Any, Coroutine


class Tick:
    def __await__(self) -> Generator[None, None, None]:
        yield


async def slow_cleanup() -> AsyncGenerator[int, None]:
    try:
        yield 1
        yield 2
    finally:
        print("cleanup starts")
        await Tick()
        await Tick()
        print("cleanup ends")


async def stubborn() -> AsyncGenerator[int, None]:
    ignored = False
    while True:
        try:
            yield 7
        except GeneratorExit:
            if ignored:
                print("giving in")
                raise
            ignored = True
            print("ignoring GeneratorExit")


async def leaky() -> AsyncIterator[int]:
    yield 1
    raise StopAsyncIteration


async def waiting() -> AsyncIterator[int]:
    try:
        print("waiting starts")
        await Tick()
        yield 1
    except ValueError as e:
        print("waiting caught", e)
        yield 99
    finally:
        print("waiting ends")


async def deep(n: int) -> AsyncIterator[int]:
    yield n
    if n == 0:
        raise ValueError("bottom reached")
    async for x in deep(n - 1):
        yield x


class Source:
    def __init__(self, words: list[str]) -> None:
        self.words = words

    async def items(self) -> AsyncIterator[str]:
        """An asynchronous generator method, whose cleanup fails."""
        try:
            for w in self.words:
                await Tick()
                yield w
        finally:
            if len(self.words) > 2:
                raise ValueError(f"cleanup of {len(self.words)} words failed")


def run(c: Coroutine[Any, Any, str]) -> str:
    steps = 0
    while True:
        try:
            c.send(None)
        except StopIteration as e:
            result: str = e.value
            return f"{result} after {steps} steps"
        steps += 1


async def close_slowly() -> str:
    g = slow_cleanup()
    first = await g.__anext__()
    await g.aclose()
    return f"closed after {first}"


async def close_stubborn() -> str:
    g = stubborn()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        return f"RuntimeError: {e}"
    return "closed"


async def leak() -> str:
    seen: list[int] = []
    try:
        async for x in leaky():
            seen.append(x)
    except RuntimeError as e:
        return f"{seen} RuntimeError: {e}"
    return "no error"


async def throw_first() -> str:
    g = slow_cleanup()
    try:
        await g.athrow(KeyError("early"))
    except KeyError as e:
        print("athrow before the start raised", repr(e))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        return "finished by the throw"
    return "still running"


async def consumer(g: AsyncIterator[int]) -> str:
    item = await g.__anext__()
    return f"got {item}"


async def deep_sum() -> str:
    total = 0
    async for x in deep(3):
        total += x
    return str(total)


async def drop_failing() -> str:
    it = Source(["a", "b", "c"]).items()
    first = await it.__anext__()
    it = Source([]).items()  # the first one is closed here, and its finally raises
    print("after the drop")
    return first


def main() -> None:
    print(run(drop_failing()))
    print(run(close_slowly()))
    print(run(close_stubborn()))
    print(run(leak()))
    print(run(throw_first()))
    # A coroutine thrown into while it awaits an item: the generator sees it.
    c = consumer(waiting())
    c.send(None)
    try:
        c.throw(ValueError("from the driver"))
    except StopIteration as e:
        print("consumer finished:", e.value)
    # Closed while it awaits an item: the generator is not thrown into,
    # but closed when it is dropped with the coroutine.
    c = consumer(waiting())
    c.send(None)
    c.close()
    print("consumer closed")
    print(run(deep_sum()))


if __name__ == "__main__":
    main()
