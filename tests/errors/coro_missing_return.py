# error: 2:1: coroutine function 'number' can reach its end without a return, but it must return i64
async def number(flag: bool) -> int:
    if flag:
        return 1


def main() -> None:
    number(True).close()


if __name__ == "__main__":
    main()
