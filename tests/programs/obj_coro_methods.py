"""Coroutine methods (issue 12): async def in a class, an override that
awaits super()'s, awaited through the vtable."""

from collections.abc import Generator
from typing import Any, Coroutine


class Tick:
    def __await__(self) -> Generator[None, None, None]:
        yield


class Counter:
    def __init__(self, name: str) -> None:
        self.name = name
        self.count = 0

    async def bump(self, by: int) -> int:
        await Tick()
        self.count += by
        return self.count

    async def run(self, times: int) -> str:
        for i in range(times):
            await self.bump(i)
        return f"{self.name}={self.count}"


class Loud(Counter):
    async def bump(self, by: int) -> int:
        print("loud bump", by)
        n = await super().bump(by * 10)
        return n


def finish(c: Coroutine[Any, Any, str]) -> str:
    while True:
        try:
            c.send(None)
        except StopIteration as e:
            text: str = e.value
            return text


def main() -> None:
    print(finish(Counter("a").run(4)))
    print(finish(Loud("b").run(3)))


if __name__ == "__main__":
    main()
