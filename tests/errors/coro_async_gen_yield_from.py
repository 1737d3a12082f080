# error: 9:5: 'yield from' inside async function
from collections.abc import AsyncIterator


async def numbers(n: int) -> AsyncIterator[int]:
    yield n
    # CPython: SyntaxError ('yield from' inside async function); an async
    # generator is consumed with async for instead.
    yield from [n + 1, n + 2]


def main() -> None:
    print(numbers(3))


if __name__ == "__main__":
    main()
