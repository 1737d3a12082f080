# error: 3:5: 'yield' inside 'async def' makes an asynchronous generator
async def ticks() -> object:
    yield 1


def main() -> None:
    print("no")


if __name__ == "__main__":
    main()
