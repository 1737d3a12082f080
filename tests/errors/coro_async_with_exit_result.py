# error: 13:16: __aexit__ returns bool (True suppresses the exception) or None
class Lock:
    async def __aenter__(self) -> None:
        pass

    async def __aexit__(self, exc_type: object, exc: BaseException | None,
                        tb: object) -> int:
        return 1


async def work(lock: Lock) -> int:
    n = 0
    async with lock:
        n += 1
    return n


def main() -> None:
    work(Lock()).close()


if __name__ == "__main__":
    main()
