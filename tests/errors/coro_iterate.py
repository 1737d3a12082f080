# error: 7:14: 'coroutine' object is not iterable
async def number() -> int:
    return 1


def main() -> None:
    for x in number():
        print(x)


if __name__ == "__main__":
    main()
