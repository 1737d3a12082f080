# error: 2:22: 'ticks' is an 'async def' with 'yield', so it is an asynchronous generator function
async def ticks() -> object:
    yield 1


def main() -> None:
    print("no")


if __name__ == "__main__":
    main()
