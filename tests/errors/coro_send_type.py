# error: 8:12: argument "value" to "Coroutine.send" has incompatible type "i64"; expected "None"
async def value() -> int:
    return 1


def main() -> None:
    c = value()
    c.send(5)


if __name__ == "__main__":
    main()
