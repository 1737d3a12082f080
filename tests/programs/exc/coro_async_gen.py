"""Asynchronous generators (issue 12, PEP 525): `async def` with `yield`,
consumed by `async for` and by awaiting __anext__, asend, athrow and
aclose; `await` inside; `finally` on aclose and on a drop; exceptions in
the body; StopAsyncIteration at the end."""

from collections.abc import AsyncGenerator, AsyncIterator, Generator
from typing import Any, Coroutine


class Tick:
    def __await__(self) -> Generator[None, None, None]:
        yield


async def numbers(n: int) -> AsyncIterator[int]:
    for i in range(n):
        await Tick()
        yield i * i


async def words(text: str) -> AsyncGenerator[str, None]:
    try:
        for w in text.split():
            yield w.upper()
            await Tick()
    finally:
        print("words closed")


async def echo() -> AsyncGenerator[str, str]:
    got = "start"
    while got != "stop":
        await Tick()
        got = yield f"echo {got}"
    print("echo stops")


async def guarded() -> AsyncGenerator[int, None]:
    n = 0
    while True:
        try:
            yield n
        except ValueError as e:
            print("guarded caught", e)
            n += 100
        n += 1


async def failing() -> AsyncIterator[int]:
    yield 1
    await Tick()
    raise KeyError("oops")


def run(c: Coroutine[Any, Any, str]) -> str:
    steps = 0
    while True:
        try:
            c.send(None)
        except StopIteration as e:
            result: str = e.value
            return f"{result} after {steps} steps"
        steps += 1


async def squares() -> str:
    total = 0
    async for x in numbers(5):
        total += x
    return str(total)


async def first_words(text: str, n: int) -> str:
    out: list[str] = []
    async for w in words(text):
        if len(out) == n:
            break
        out.append(w)
    else:
        out.append("(all)")
    return " ".join(out)


async def by_hand() -> str:
    g = numbers(2)
    a = await g.__anext__()
    b = await g.__anext__()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    return f"{a} {b}"


async def conversation() -> str:
    e = echo()
    try:
        await e.asend("too early")
    except TypeError as error:
        print("TypeError:", error)
    first = await e.__anext__()
    second = await e.asend("hello")
    third = await e.asend("world")
    try:
        await e.asend("stop")
    except StopAsyncIteration:
        print("echo ended")
    return f"{first} | {second} | {third}"


async def throwing() -> str:
    g = guarded()
    a = await g.__anext__()
    b = await g.athrow(ValueError("bad"))
    c = await g.__anext__()
    await g.aclose()
    await g.aclose()
    return f"{a} {b} {c}"


async def closing() -> str:
    w = words("alpha beta gamma")
    first = await w.__anext__()
    await w.aclose()
    try:
        await w.__anext__()
    except StopAsyncIteration:
        print("closed generator is exhausted")
    return first


async def dropped() -> str:
    w = words("one two")
    first = await w.__anext__()
    w = words("")  # the first generator is dropped here, suspended in its try
    print("after the drop")
    return first


async def errors() -> str:
    seen: list[int] = []
    try:
        async for x in failing():
            seen.append(x)
    except KeyError as e:
        return f"{seen} then {e!r}"
    return "no error"


def main() -> None:
    print(run(squares()))
    print(run(first_words("a b c d", 2)))
    print(run(first_words("x y", 5)))
    print(run(by_hand()))
    print(run(conversation()))
    print(run(throwing()))
    print(run(closing()))
    print(run(dropped()))
    print(run(errors()))


if __name__ == "__main__":
    main()
