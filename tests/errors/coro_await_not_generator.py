# error: 9:15: 'Later.__await__' must take only self and return a generator
class Later:
    def __await__(self) -> int:
        return 1


async def get() -> int:
    later = Later()
    v = await later
    return v


def main() -> None:
    get().close()


if __name__ == "__main__":
    main()
