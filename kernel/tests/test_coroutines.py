"""In-kernel tests of coroutines (issue 12): coroutine frames made on the
kernel heap, a chain of awaits ending at a hand-written future, driven the
way the kernel's executor drives its tasks (send(None) inside try/except
StopIteration), an exception raised three awaits down and caught by the
driver, and coroutines dropped half-way.  Everything is freed again: the
object count and the kernel heap must be back at their baselines."""

from collections.abc import Generator
from typing import Any, Coroutine

import kernel.mm.heap as heap
from pythos.rt.alloc import obj_stats, obj_trim


class Flag:
    """A future: awaiting it suspends until someone sets it."""

    def __init__(self) -> None:
        self.ready = False
        self.value = 0

    def set(self, value: int) -> None:
        self.value = value
        self.ready = True

    def __await__(self) -> Generator[None, None, int]:
        while not self.ready:
            yield
        return self.value


class Task:
    def __init__(self, name: str, coro: Coroutine[Any, Any, int]) -> None:
        self.name = name
        self.coro = coro
        self.result = -1


async def wait_for(flag: Flag, depth: int) -> int:
    if depth == 0:
        v = await flag
        return v
    below = await wait_for(flag, depth - 1)
    return below + 1


async def check(text: str) -> int:
    if not text.isdigit():
        raise ValueError("not a number")
    return int(text)


async def parse(text: str) -> int:
    n = await check(text)
    return n


async def outer(text: str) -> int:
    n = await parse(text)
    return n * 2


def step(task: Task) -> bool:
    """One turn of the executor: False once the task has finished."""
    try:
        task.coro.send(None)
    except StopIteration as e:
        task.result = e.value
        return False
    return True


def drive() -> None:
    flag = Flag()
    tasks = [Task(f"t{i}", wait_for(flag, i)) for i in range(10)]
    for _ in range(3):
        for t in tasks:
            assert step(t)
    flag.set(5)
    for t in tasks:
        assert not step(t)
    assert [t.result for t in tasks] == [5, 6, 7, 8, 9, 10, 11, 12, 13, 14]
    ok = Task("ok", outer("21"))
    assert not step(ok) and ok.result == 42
    caught = False
    try:
        step(Task("bad", outer("x")))
    except ValueError as e:
        caught = str(e) == "not a number"
    assert caught, "a ValueError raised three awaits down reaches the driver"
    waiting = Flag()
    dropped = [Task("d", wait_for(waiting, 4)) for _ in range(20)]
    for t in dropped[:10]:
        assert step(t)
    dropped.clear()


def test_coroutines_on_the_kernel_heap_all_go_back() -> None:
    obj_trim()
    live = obj_stats().live
    used = heap.stats().bytes_used
    drive()
    obj_trim()
    assert obj_stats().live == live, "every coroutine and what it held was freed"
    assert heap.stats().bytes_used == used, "the kernel heap is back at its baseline"
