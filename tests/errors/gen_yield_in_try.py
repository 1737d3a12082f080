# error: 7:9: 'yield' inside 'try' is not compiled yet (issue 12)
from collections.abc import Iterator


def numbers() -> Iterator[int]:
    try:
        yield 1
    finally:
        print("done")


def main() -> None:
    print(list(numbers()))


if __name__ == "__main__":
    main()
