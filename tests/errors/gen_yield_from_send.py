# error: 6:16: 'yield from' of a list[i64] cannot take the i64 values this generator is sent (only a gene
from collections.abc import Generator


def relay(xs: list[int]) -> Generator[int, int, None]:
    yield from xs


def main() -> None:
    r = relay([1, 2])
    print(next(r), r.send(5))


if __name__ == "__main__":
    main()
