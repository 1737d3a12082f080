# error: 6:16: 'yield from' gives items of type str, but this generator yields i64
from collections.abc import Iterator


def numbers(words: list[str]) -> Iterator[int]:
    yield from words


def main() -> None:
    print(list(numbers(["a"])))


if __name__ == "__main__":
    main()
