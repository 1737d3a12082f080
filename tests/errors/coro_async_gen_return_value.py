# error: 10:5: 'return' with value in async generator
from collections.abc import AsyncIterator


async def numbers(n: int) -> AsyncIterator[int]:
    for i in range(n):
        yield i
    if n > 2:
        return  # fine
    return 5  # CPython: SyntaxError


def main() -> None:
    print(numbers(3))


if __name__ == "__main__":
    main()
