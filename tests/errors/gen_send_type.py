# error: 14:18: expected i64, got str
from collections.abc import Generator


def echo() -> Generator[int, int, None]:
    got = 0
    while True:
        got = yield got


def main() -> None:
    e = echo()
    next(e)
    print(e.send("three"))


if __name__ == "__main__":
    main()
