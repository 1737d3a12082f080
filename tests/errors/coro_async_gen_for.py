# error: 11:14: 'async_generator' object is not iterable
from collections.abc import AsyncIterator


async def numbers(n: int) -> AsyncIterator[int]:
    for i in range(n):
        yield i


def main() -> None:
    for i in numbers(3):  # CPython: TypeError; mypy: no __iter__
        print(i)


if __name__ == "__main__":
    main()
