# error: 5:30: 'numbers' is an 'async def' with 'yield', so it is an asynchronous generator function; declare its result AsyncIterator[T], AsyncIterable[T] or AsyncGenerator[Y, S], not Coroutine[Any, Any, i64]
from typing import Any, Coroutine


async def numbers(n: int) -> Coroutine[Any, Any, int]:
    yield n


def main() -> None:
    print(numbers(3))


if __name__ == "__main__":
    main()
