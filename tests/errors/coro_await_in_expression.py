# error: 7:11: 'await' inside an expression is not compiled yet (issue 12)
async def number() -> int:
    return 1


async def twice() -> int:
    print(await number())
    return 2


def main() -> None:
    twice().close()


if __name__ == "__main__":
    main()
