"""`async with` and `async for` (issue 12, PEP 492).

`async with`: __aenter__ and __aexit__ are coroutines, awaited on the way
in and on every way out: falling through, return, break, continue and an
exception, which __aexit__ sees and may suppress.

`async for`: __aiter__ returning self or another object, `async def
__anext__` ending with StopAsyncIteration; break, continue, else, an
exception from __anext__ and from the body, and an uncaught
StopAsyncIteration raised by hand."""

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


async def not_suppressed() -> int:
    try:
        n = await quiet_fails()
    except RuntimeError as e:
        print("went through __aexit__:", e)
        return -1
    return n


class Countdown:
    """Its own asynchronous iterator."""

    def __init__(self, start: int) -> None:
        self.n = start

    def __aiter__(self) -> "Countdown":
        return self

    async def __anext__(self) -> int:
        await Tick()
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n + 1


class Cursor:
    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.at = 0

    async def __anext__(self) -> str:
        if self.at == len(self.words):
            raise StopAsyncIteration()
        await Tick()
        word = self.words[self.at]
        self.at += 1
        if word == "bad":
            raise ValueError(f"bad word at {self.at - 1}")
        return word


class Words:
    """__aiter__ returns another object."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __aiter__(self) -> Cursor:
        return Cursor(self.text.split())


def run_text(c: Coroutine[Any, Any, str]) -> str:
    steps = 0
    while True:
        try:
            c.send(None)
        except StopIteration as e:
            result: str = e.value
            return f"{result} after {steps} steps"
        steps += 1


async def count(n: int) -> str:
    seen: list[int] = []
    async for i in Countdown(n):
        seen.append(i)
    else:
        seen.append(0)
    return str(seen)


async def search(text: str, want: str) -> str:
    found = "none"
    async for w in Words(text):
        if w == "skip":
            continue
        if w == want:
            found = w
            break
        print("saw", w)
    else:
        print("no break")
    return found


async def nested_loops() -> str:
    pairs: list[tuple[int, int]] = []
    async for i in Countdown(3):
        async for j in Countdown(i):
            pairs.append((i, j))
    return str(pairs)


async def failing(text: str) -> str:
    try:
        async for w in Words(text):
            print("got", w)
    except ValueError as e:
        return f"caught {e}"
    return "no error"


async def body_raises() -> str:
    total = 0
    try:
        async for i in Countdown(5):
            total += i
            if i == 3:
                raise KeyError(i)
    except KeyError as e:
        return f"body raised {e!r} at total {total}"
    return "done"


async def by_hand() -> str:
    it = Countdown(1)
    first = await it.__anext__()
    print("first", first)
    second = await it.__anext__()
    return str(second)


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
    print(run(not_suppressed()))
    print(run_text(count(4)))
    print(run_text(count(0)))
    print(run_text(search("a skip b c", "b")))
    print(run_text(search("a skip b c", "z")))
    print(run_text(nested_loops()))
    print(run_text(failing("x y bad z")))
    print(run_text(failing("x y")))
    print(run_text(body_raises()))
    print(run_text(by_hand()))


if __name__ == "__main__":
    main()
