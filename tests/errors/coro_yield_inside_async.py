# error: 5:24: 'numbers' is an 'async def' with 'yield', so it is an asynchronous generator function; declare its result AsyncIterator[T]
from collections.abc import Iterator


async def numbers() -> Iterator[int]:
    for i in range(3):
        yield i


def main() -> None:
    print(numbers())


if __name__ == "__main__":
    main()
