"""Coroutines (issue 12): async def, await of a coroutine and of a class
whose __await__ is a generator, send(None), and StopIteration's value."""

from collections.abc import Generator
from typing import Any, Awaitable, Coroutine


class Future:
    """A value that is not there yet: awaiting it suspends until it is."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.done = False
        self.value = 0

    def set(self, value: int) -> None:
        self.value = value
        self.done = True

    def __await__(self) -> Generator[None, None, int]:
        while not self.done:
            yield
        return self.value


class Text:
    def __init__(self, parts: list[str]) -> None:
        self.parts = parts

    def __await__(self) -> Generator[None, None, str]:
        yield
        return "-".join(self.parts)


async def nothing() -> None:
    print("nothing ran")


async def add_one(f: Future) -> int:
    v = await f
    print("got", v, "from", f.label)
    return v + 1


async def times_ten(f: Future) -> int:
    a = await add_one(f)
    return a * 10


async def words(parts: list[str]) -> str:
    joined = await Text(parts)
    await nothing()
    return joined.upper()


async def relay(a: Awaitable[int]) -> int:
    return await a


async def countdown(n: int) -> int:
    if n == 0:
        return 0
    rest = await countdown(n - 1)
    return rest + n


def drive_int(c: Coroutine[Any, Any, int]) -> int:
    steps = 0
    while True:
        try:
            c.send(None)
        except StopIteration as e:
            print("finished after", steps, "suspensions")
            result: int = e.value
            return result
        steps += 1


def drive_str(c: Coroutine[Any, Any, str]) -> str:
    while True:
        try:
            c.send(None)
        except StopIteration as e:
            text: str = e.value
            return text


def main() -> None:
    f = Future("f")
    c = times_ten(f)
    print("made, nothing ran yet")
    c.send(None)
    c.send(None)
    print("suspended twice")
    f.set(4)
    try:
        c.send(None)
        print("not reached")
    except StopIteration as e:
        print("result", e.value)
    print(drive_str(words(["a", "b", "c"])))
    print(drive_int(countdown(10)))
    g = Future("g")
    g.set(7)
    print(drive_int(add_one(g)))
    print(drive_int(relay(relay(times_ten(g)))))
    n = nothing()
    try:
        n.send(None)
    except StopIteration:
        print("a coroutine returning None ends with StopIteration too")


if __name__ == "__main__":
    main()
