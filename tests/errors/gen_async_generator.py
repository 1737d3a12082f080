# error: 2:1: async functions are not supported yet
async def ticks() -> object:
    yield 1


def main() -> None:
    print("no")


if __name__ == "__main__":
    main()
