"""Coroutines (issue 12): misuse and exceptions, with CPython's errors."""

from collections.abc import Generator
from typing import Any, Coroutine


class Ready:
    def __init__(self, value: int) -> None:
        self.value = value

    def __await__(self) -> Generator[None, None, int]:
        yield
        return self.value


class Holder:
    def __init__(self) -> None:
        self.coro: Coroutine[Any, Any, int] | None = None


async def three() -> int:
    return 3


async def twice(c: Coroutine[Any, Any, int]) -> int:
    a = await c
    try:
        b = await c
    except RuntimeError as e:
        print("second await:", e)
        b = 0
    return a + b


async def parse(text: str) -> int:
    await Ready(0)
    if not text.isdigit():
        raise ValueError(f"not a number: {text!r}")
    return int(text)


async def middle(text: str) -> int:
    n = await parse(text)
    return n * 2


async def top(text: str) -> int:
    n = await middle(text)
    return n + 1


async def careful(text: str) -> int:
    try:
        n = await middle(text)
    except ValueError as e:
        print("careful caught:", e)
        n = -1
    return n


async def reentrant(h: Holder) -> int:
    c = h.coro
    if c is not None:
        try:
            c.send(None)
        except ValueError as e:
            print("inside:", e)
    return 1


def finish(c: Coroutine[Any, Any, int]) -> int:
    while True:
        try:
            c.send(None)
        except StopIteration as e:
            result: int = e.value
            return result


def main() -> None:
    print(finish(twice(three())))
    c = three()
    print(finish(c))
    try:
        c.send(None)
    except RuntimeError as e:
        print("send after the end:", e)
    try:
        finish(top("12x"))
    except ValueError as e:
        print("the driver caught:", e)
    print(finish(top("20")))
    print(finish(careful("x")))
    h = Holder()
    r = reentrant(h)
    h.coro = r
    print(finish(r))
    h.coro = None


if __name__ == "__main__":
    main()
