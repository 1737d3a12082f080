# error: 4:20: 'async for' requires an object with __aiter__ method, got list
async def total(items: list[int]) -> int:
    n = 0
    async for i in items:
        n += i
    return n


def main() -> None:
    total([1, 2]).close()


if __name__ == "__main__":
    main()
