# error: 7:13: 'yield' inside a comprehension is not supported; write a generator function (def ... -> Iterator[T])
from collections.abc import Iterator


def numbers(xs: list[int]) -> Iterator[int]:
    yield 0
    print([(yield x) for x in xs])


def main() -> None:
    print(list(numbers([1])))


if __name__ == "__main__":
    main()
