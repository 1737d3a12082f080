"""PEP 479: a next() of an exhausted iterator inside a generator's body
does not end the generator quietly; the StopIteration becomes
RuntimeError("generator raised StopIteration"), which stops the program."""
from collections.abc import Iterator


def pairs(it: Iterator[int]) -> Iterator[tuple[int, int]]:
    while True:
        a = next(it)
        b = next(it)
        yield (a, b)


def main() -> None:
    for p in pairs(iter([1, 2, 3, 4])):
        print(p)
    print("odd count next")
    for p in pairs(iter([1, 2, 3])):
        print(p)


if __name__ == "__main__":
    main()
