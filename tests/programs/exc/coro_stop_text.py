"""The StopIteration that ends a coroutine shows its value as CPython's
does: str(e), repr(e), and the report of an uncaught one."""

from typing import Any, Coroutine


class Point:
    def __init__(self, x: int) -> None:
        self.x = x

    def __repr__(self) -> str:
        return f"Point({self.x})"


async def num() -> int:
    return 5


async def text() -> str:
    return "abc"


async def point() -> Point:
    return Point(3)


async def nothing() -> None:
    pass


def show_int(c: Coroutine[Any, Any, int]) -> None:
    try:
        c.send(None)
    except StopIteration as e:
        print(str(e), repr(e), e.value)


def show_str(c: Coroutine[Any, Any, str]) -> None:
    try:
        c.send(None)
    except StopIteration as e:
        print(str(e), repr(e), e.value)


def main() -> None:
    show_int(num())
    show_str(text())
    try:
        point().send(None)
    except StopIteration as e:
        print(repr(e))
    try:
        nothing().send(None)
    except StopIteration as e:
        print(repr(e), str(e) == "")
    num().send(None)


if __name__ == "__main__":
    main()
