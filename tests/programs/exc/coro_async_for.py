"""`async for` (issue 12): __aiter__ returning self or another object,
`async def __anext__` ending with StopAsyncIteration; break, continue,
else, an exception from __anext__ and from the body, and an uncaught
StopAsyncIteration raised by hand."""

from collections.abc import Generator
from typing import Any, Coroutine


class Tick:
    def __await__(self) -> Generator[None, None, None]:
        yield


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


def run(c: Coroutine[Any, Any, str]) -> str:
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


async def nested() -> str:
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
    print(run(count(4)))
    print(run(count(0)))
    print(run(search("a skip b c", "b")))
    print(run(search("a skip b c", "z")))
    print(run(nested()))
    print(run(failing("x y bad z")))
    print(run(failing("x y")))
    print(run(body_raises()))
    print(run(by_hand()))


if __name__ == "__main__":
    main()
