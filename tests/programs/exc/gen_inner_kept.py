"""A generator held by a variable of another generator is dropped when that
generator ends, not after its last use (its finally prints where CPython
prints it)."""
from collections.abc import Iterator


def inner() -> Iterator[int]:
    try:
        yield 1
        yield 2
    finally:
        print("inner finally")


def outer() -> Iterator[int]:
    it = inner()
    first = next(it)
    print("took", first)
    yield first
    print("outer resumed")
    yield 10


def main() -> None:
    for x in outer():
        print("got", x)


if __name__ == "__main__":
    main()
