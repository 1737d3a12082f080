# error: 17:5: 'async for' outside async function
class Numbers:
    def __init__(self) -> None:
        self.n = 0

    def __aiter__(self) -> "Numbers":
        return self

    async def __anext__(self) -> int:
        if self.n == 3:
            raise StopAsyncIteration
        self.n += 1
        return self.n


def total() -> int:
    async for i in Numbers():
        print(i)
    return 0


def main() -> None:
    print(total())


if __name__ == "__main__":
    main()
