# error: 7:9: 'yield' inside 'async def' makes an asynchronous generator
from collections.abc import Iterator


async def numbers() -> Iterator[int]:
    for i in range(3):
        yield i


def main() -> None:
    print(numbers())


if __name__ == "__main__":
    main()
