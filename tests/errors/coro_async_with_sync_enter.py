# error: 14:16: 'Lock.__aenter__' must be an 'async def' method: its result is awaited
class Lock:
    def __aenter__(self) -> None:
        pass

    async def __aexit__(self, *exc: object) -> None:
        pass


async def work(lock: Lock) -> int:
    n = 0
    # CPython: TypeError: object NoneType can't be used in 'await'
    # expression (mypy: "None" has no attribute "__await__")
    async with lock:
        n += 1
    return n


def main() -> None:
    work(Lock()).close()


if __name__ == "__main__":
    main()
