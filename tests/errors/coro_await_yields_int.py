# error: 13:15: 'Counter.__await__' is Generator[i64, None, i64], but a coroutine yields and is sent None in Pythos
from collections.abc import Generator


class Counter:
    def __await__(self) -> Generator[int, None, int]:
        yield 1
        return 2


async def count() -> int:
    c = Counter()
    n = await c
    return n


def main() -> None:
    count().close()


if __name__ == "__main__":
    main()
