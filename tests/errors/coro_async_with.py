# error: 8:16: 'Lock' object does not support the asynchronous context manager protocol
class Lock:
    pass


async def work(lock: Lock) -> int:
    n = 0
    async with lock:
        n += 1
    return n


def main() -> None:
    work(Lock()).close()


if __name__ == "__main__":
    main()
