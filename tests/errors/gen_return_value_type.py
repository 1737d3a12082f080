# error: 8:12: expected str, got i64
from collections.abc import Generator


def numbers(n: int) -> Generator[int, None, str]:
    for i in range(n):
        yield i
    return n


def main() -> None:
    print(list(numbers(3)))


if __name__ == "__main__":
    main()
