"""`async with` (issue 12): __aenter__ and __aexit__ are coroutines,
awaited on the way in and on every way out: falling through, return,
break, continue and an exception, which __aexit__ sees and may suppress."""

from collections.abc import Generator
from typing import Any, Coroutine


class Tick:
    def __await__(self) -> Generator[None, None, None]:
        yield


class Lock:
    def __init__(self, name: str) -> None:
        self.name = name
        self.held = False

    async def __aenter__(self) -> "Lock":
        await Tick()
        print("acquire", self.name)
        self.held = True
        return self

    async def __aexit__(self, exc_type: object, exc: BaseException | None,
                        tb: object) -> bool:
        await Tick()
        self.held = False
        print("release", self.name, "with", repr(exc))
        return isinstance(exc, KeyError)


class Quiet:
    async def __aenter__(self) -> None:
        print("quiet in")

    async def __aexit__(self, *exc: object) -> None:
        await Tick()
        print("quiet out")


def run(c: Coroutine[Any, Any, int]) -> int:
    steps = 0
    while True:
        try:
            c.send(None)
        except StopIteration as e:
            print("steps", steps)
            result: int = e.value
            return result
        steps += 1


async def plain(lock: Lock) -> int:
    async with lock as held:
        print("inside", held.name, held.held)
    return 1 if lock.held else 0


async def early(lock: Lock, n: int) -> int:
    async with lock:
        if n > 2:
            return n * 10
    return -1


async def loops(lock: Lock) -> int:
    total = 0
    for i in range(5):
        async with lock:
            if i == 1:
                continue
            if i == 3:
                break
            total += i
    return total


async def suppressed(lock: Lock, key: str) -> int:
    d = {"a": 1}
    async with lock:
        print("looking up", key)
        return d[key]
    print("after the suppressed KeyError")
    return 0


async def nested(lock: Lock) -> int:
    async with Quiet():
        async with lock:
            print("nested body")
            await Tick()
    return 7


async def fails(lock: Lock) -> int:
    try:
        async with lock:
            raise ValueError("boom")
    except ValueError as e:
        print("caught", e)
    return 2


async def quiet_fails() -> int:
    async with Quiet():
        raise RuntimeError("not suppressed")
    return 0


def main() -> None:
    lock = Lock("L")
    print(run(plain(lock)))
    print(run(early(lock, 1)))
    print(run(early(lock, 3)))
    print(run(loops(lock)))
    print(run(suppressed(lock, "a")))
    print(run(suppressed(lock, "b")))
    print(run(nested(lock)))
    print(run(fails(lock)))
    print(run(quiet_fails()))


if __name__ == "__main__":
    main()
