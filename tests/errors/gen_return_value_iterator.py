# error: 8:12: this generator is declared Iterator[i64], so it cannot return a value; declare it Generato
from collections.abc import Iterator


def numbers(n: int) -> Iterator[int]:
    for i in range(n):
        yield i
    return n


def main() -> None:
    print(list(numbers(3)))


if __name__ == "__main__":
    main()
