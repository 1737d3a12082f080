# error: 17:13: 'await' inside 'with' is not compiled yet (issue 12)
class Guard:
    def __enter__(self) -> "Guard":
        return self

    def __exit__(self, *exc: object) -> None:
        pass


async def number() -> int:
    return 1


async def guarded() -> int:
    n = 0
    with Guard():
        n = await number()
    return n


def main() -> None:
    guarded().close()


if __name__ == "__main__":
    main()
