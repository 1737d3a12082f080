from typing import Iterator


def count(n: int, step: int) -> Iterator[int]:
    yield -1
    yield from range(n)
    yield from range(10, 0, -step)
    yield from range(0)


def main() -> None:
    print(list(count(3, 4)), sum(count(100, 7)))


if __name__ == "__main__":
    main()
