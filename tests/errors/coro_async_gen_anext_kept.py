# error: 11:12: 'g.__anext__()' makes an awaitable, which Pythos compiles only as the operand of 'await'
from collections.abc import AsyncIterator


async def numbers(n: int) -> AsyncIterator[int]:
    for i in range(n):
        yield i


async def first(g: AsyncIterator[int]) -> int:
    step = g.__anext__()
    return await step


def main() -> None:
    first(numbers(3)).close()


if __name__ == "__main__":
    main()
