# error: 6:43: 'yield' inside a lambda is not supported; write a generator function (def ... -> Iterator[T])
from collections.abc import Callable, Iterator


def numbers() -> Iterator[int]:
    make: Callable[[], object] = lambda: (yield 2)
    yield 1
    print(make)


def main() -> None:
    print(list(numbers()))


if __name__ == "__main__":
    main()
