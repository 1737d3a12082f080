# error: 7:9: a generator nested in another function is not compiled yet (issue 12); define it at module
from collections.abc import Iterator


def main() -> None:
    def numbers() -> Iterator[int]:
        yield 1

    print(list(numbers()))


if __name__ == "__main__":
    main()
