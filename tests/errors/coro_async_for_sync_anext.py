# error: 18:20: 'Numbers.__anext__' must be an 'async def' method: its result is awaited, and it returns i64
class Numbers:
    def __init__(self) -> None:
        self.n = 0

    def __aiter__(self) -> "Numbers":
        return self

    def __anext__(self) -> int:
        if self.n == 3:
            raise StopAsyncIteration
        self.n += 1
        return self.n


async def total() -> int:
    n = 0
    async for i in Numbers():
        n += i
    return n


def main() -> None:
    total().close()


if __name__ == "__main__":
    main()
