# error: 11:18: "AsyncIterator[i64]" has no attribute "asend"
from collections.abc import AsyncIterator


async def numbers(n: int) -> AsyncIterator[int]:
    for i in range(n):
        yield i


async def first(g: AsyncIterator[int]) -> int:
    return await g.asend(None)  # mypy: "AsyncIterator[int]" has no attribute "asend"


def main() -> None:
    first(numbers(3)).close()


if __name__ == "__main__":
    main()
