"""Coroutine functions nested in functions (issue 12): an `async def`
inside a function closes over its locals, read when the coroutine runs;
a nested asynchronous generator too; a nested coroutine that awaits
another nested one; and `e.value` after `throw()`."""

from collections.abc import AsyncIterator, Callable, Generator
from typing import Any, Coroutine


class Tick:
    def __await__(self) -> Generator[None, None, None]:
        yield


def run(c: Coroutine[Any, Any, int]) -> int:
    while True:
        try:
            c.send(None)
        except StopIteration as e:
            result: int = e.value
            return result


def make_adder(base: int) -> Callable[[int], Coroutine[Any, Any, int]]:
    async def add(x: int) -> int:
        await Tick()
        return base + x
    return add


def counter(start: int, label: str) -> int:
    total = start

    async def step(by: int) -> int:
        nonlocal total
        await Tick()
        total += by
        return total

    async def twice(by: int) -> int:
        await step(by)
        n = await step(by)
        print(label, n)
        return n

    run(twice(5))
    total *= 10  # the coroutine made next reads this value when it runs
    return run(twice(1))


def squares_upto(limit: int) -> int:
    async def squares() -> AsyncIterator[int]:
        for i in range(limit):
            await Tick()
            yield i * i

    async def total() -> int:
        n = 0
        async for sq in squares():
            n += sq
        return n
    return run(total())


def thrown() -> int:
    async def careful() -> int:
        try:
            await Tick()
        except ValueError as e:
            print("careful caught", e)
            return 42
        return 0
    c = careful()
    c.send(None)
    try:
        c.throw(ValueError("stop now"))
    except StopIteration as e:
        value: int = e.value
        return value
    return -1


def main() -> None:
    add5 = make_adder(5)
    print(run(add5(10)), run(make_adder(-1)(1)))
    print(counter(1, "count"))
    print(squares_upto(5))
    print(thrown())


if __name__ == "__main__":
    main()
