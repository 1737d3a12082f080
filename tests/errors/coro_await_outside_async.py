# error: 9:12: 'await' outside async function
async def value() -> int:
    return 1


def plain() -> int:
    c = value()
    # A plain function cannot await, even the coroutine it made.
    return await c


def main() -> None:
    print(plain())


if __name__ == "__main__":
    main()
