# error: 8:23: the value of 'yield' is what send() passes in, but this generator is declared Iterator[i64], wh
from collections.abc import Iterator


def numbers() -> Iterator[int]:
    total = 0
    while total < 10:
        print("got", (yield total))
        total += 1


def main() -> None:
    print(list(numbers()))


if __name__ == "__main__":
    main()
