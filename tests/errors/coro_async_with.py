# error: 8:5: 'async with' is not compiled yet (issue 12)
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
