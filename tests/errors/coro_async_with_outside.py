# error: 13:5: 'async with' outside async function
class Lock:
    async def __aenter__(self) -> None:
        pass

    async def __aexit__(self, *exc: object) -> None:
        pass


def work(lock: Lock) -> int:
    n = 0
    # CPython: SyntaxError: 'async with' outside async function
    async with lock:
        n += 1
    return n


def main() -> None:
    print(work(Lock()))


if __name__ == "__main__":
    main()
