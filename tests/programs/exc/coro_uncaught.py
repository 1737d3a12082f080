"""An exception raised three awaits down reaches the driver uncaught: the
traceback goes through each coroutine's await, as CPython prints it."""

from collections.abc import Generator
from typing import Any, Coroutine


class Tick:
    def __await__(self) -> Generator[None, None, None]:
        yield


async def parse(text: str) -> int:
    await Tick()
    if not text.isdigit():
        raise ValueError(f"not a number: {text!r}")
    return int(text)


async def middle(text: str) -> int:
    n = await parse(text)
    return n * 2


async def top(text: str) -> int:
    total = 0
    for part in text.split(","):
        n = await middle(part)
        total += n
    return total


def run(c: Coroutine[Any, Any, int]) -> int:
    while True:
        try:
            c.send(None)
        except StopIteration as e:
            result: int = e.value
            return result


def main() -> None:
    print(run(top("1,2")))
    print(run(top("3,x,4")))


if __name__ == "__main__":
    main()
