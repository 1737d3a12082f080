# error: 3:12: expected i64, got str
async def number() -> int:
    return "one"


def main() -> None:
    number().close()


if __name__ == "__main__":
    main()
