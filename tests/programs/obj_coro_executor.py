"""Coroutines (issue 12): a small round-robin executor, the way the
kernel's is written: tasks are coroutines, a future registers a waker and
yields None, the executor sends None and catches StopIteration."""

from collections.abc import Generator
from typing import Any, Coroutine


class YieldNow:
    """Suspend once: back of the queue."""

    def __await__(self) -> Generator[None, None, None]:
        yield


class Channel:
    """A value one task sets and others wait for."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.waiting = 0

    def put(self, item: str) -> None:
        self.items.append(item)

    def __await__(self) -> Generator[None, None, str]:
        self.waiting += 1
        while not self.items:
            yield
        self.waiting -= 1
        return self.items.pop(0)


class Task:
    def __init__(self, name: str, coro: Coroutine[Any, Any, int]) -> None:
        self.name = name
        self.coro = coro
        self.steps = 0
        self.result = -1


async def level(depth: int, rounds: int) -> int:
    """A chain of coroutines `depth` deep, the innermost awaiting a custom
    awaitable `rounds` times."""
    if depth == 0:
        total = 0
        for i in range(rounds):
            await YieldNow()
            total += i
        return total
    below = await level(depth - 1, rounds)
    return below + depth


async def producer(ch: Channel, count: int) -> int:
    for i in range(count):
        await YieldNow()
        ch.put(f"item{i}")
    return count


async def consumer(name: str, ch: Channel, count: int) -> int:
    got: list[str] = []
    for _ in range(count):
        item = await ch
        got.append(item)
    print(name, "got", ", ".join(got))
    return len(got)


def run(tasks: list[Task]) -> int:
    queue = list(tasks)
    sends = 0
    while queue:
        task = queue.pop(0)
        sends += 1
        try:
            task.coro.send(None)
        except StopIteration as e:
            task.result = e.value
            print("done:", task.name, "after", task.steps, "suspensions")
            continue
        task.steps += 1
        queue.append(task)
    return sends


def main() -> None:
    ch = Channel()
    tasks = [Task("deep", level(10, 5)), Task("consumer", consumer("c", ch, 3)),
             Task("producer", producer(ch, 3))]
    for i in range(6):
        tasks.append(Task(f"t{i}", level(i % 3, i)))
    print("sends:", run(tasks))
    for t in tasks:
        print(t.name, t.result)
    # Many at once, some dropped half-way: each frame frees what it holds.
    many = [Task(f"m{i}", level(2, 3)) for i in range(100)]
    for t in many[:50]:
        t.coro.send(None)
    del many[25:]
    print("kept", len(many))
    print("waiting", ch.waiting)


if __name__ == "__main__":
    main()
