# error: 13:20: 'async for' received an object from __aiter__ that does not implement __anext__: Numbers
class Numbers:
    def __init__(self) -> None:
        self.n = 0

    def __aiter__(self) -> "Numbers":
        return self


async def total() -> int:
    n = 0
    # CPython: TypeError (mypy: "Numbers" has no attribute "__anext__")
    async for i in Numbers():
        n += i
    return n


def main() -> None:
    total().close()


if __name__ == "__main__":
    main()
