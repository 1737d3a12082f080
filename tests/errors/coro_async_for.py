# error: 4:5: 'async for' is not compiled yet (issue 12)
async def total(items: list[int]) -> int:
    n = 0
    async for i in items:
        n += i
    return n


def main() -> None:
    total([1, 2]).close()


if __name__ == "__main__":
    main()
