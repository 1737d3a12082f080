"""In-kernel tests of `async with`, `async for` and asynchronous
generators (issue 12): their frames made on the kernel heap, driven by
send(None) as the executor drives a task, an exception through an
`async with` and out of an asynchronous generator, and a generator
dropped half-way inside its `try`.  Everything is freed again: the object
count and the kernel heap must be back at their baselines."""

from collections.abc import AsyncGenerator, AsyncIterator, Generator
from typing import Any, Coroutine

import kernel.mm.heap as heap
from pythos.rt.alloc import obj_stats, obj_trim


class YieldNow:
    def __await__(self) -> Generator[None, None, None]:
        yield


class Lock:
    def __init__(self) -> None:
        self.held = False
        self.entries = 0

    async def __aenter__(self) -> "Lock":
        await YieldNow()
        self.held = True
        self.entries += 1
        return self

    async def __aexit__(self, exc_type: object, exc: BaseException | None,
                        tb: object) -> bool:
        await YieldNow()
        self.held = False
        return isinstance(exc, KeyError)


async def squares(n: int) -> AsyncIterator[int]:
    for i in range(n):
        await YieldNow()
        yield i * i


async def guarded(log: list[str]) -> AsyncGenerator[str, None]:
    try:
        yield "first"
        yield "second"
    finally:
        log.append("closed")


async def total(lock: Lock, n: int) -> int:
    s = 0
    async with lock:
        async for x in squares(n):
            s += x
    async with lock:
        d = {"a": 1}
        s += d["missing"]  # a KeyError, which __aexit__ suppresses
    return s


async def failing(lock: Lock) -> int:
    async with lock:
        async for x in squares(3):
            if x == 4:
                raise ValueError("four")
    return 0


async def half(log: list[str]) -> int:
    g = guarded(log)
    first = await g.__anext__()
    return len(first)  # g is dropped suspended inside its try: it is closed


def run(c: Coroutine[Any, Any, int]) -> int:
    while True:
        try:
            c.send(None)
        except StopIteration as e:
            result: int = e.value
            return result


def drive() -> None:
    lock = Lock()
    assert run(total(lock, 10)) == 285
    assert lock.entries == 2 and not lock.held
    caught = False
    try:
        run(failing(lock))
    except ValueError as e:
        caught = str(e) == "four"
    assert caught and not lock.held, "the exception left through __aexit__"
    log: list[str] = []
    assert run(half(log)) == 5
    assert log == ["closed"], "a dropped generator ran its finally"


def test_async_statements_on_the_kernel_heap_all_go_back() -> None:
    obj_trim()
    live = obj_stats().live
    used = heap.stats().bytes_used
    drive()
    obj_trim()
    assert obj_stats().live == live, "every frame and what it held was freed"
    assert heap.stats().bytes_used == used, "the kernel heap is back at its baseline"
