# error: 15:17: argument "xs" to "total" has incompatible type "Bag"; expected "Iterable[i64]" (an instance is not passed as an Iterable
from typing import Iterable, Iterator


class Bag:
    def __iter__(self) -> Iterator[int]:
        yield 1


def total(xs: Iterable[int]) -> int:
    return sum(xs)


def main() -> None:
    print(total(Bag()))


if __name__ == "__main__":
    main()
