# error: 13:14: Generator[None, None, i64] yields only None
from collections.abc import Generator


def ticks(n: int) -> Generator[None, None, int]:
    for _ in range(n):
        yield
    return n


def main() -> None:
    count = 0
    for _ in ticks(3):
        count += 1
    print(count)


if __name__ == "__main__":
    main()
