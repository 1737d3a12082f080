"""next() of a finished generator at the top of the program: CPython's
StopIteration report and status 1."""
from collections.abc import Iterator


def two() -> Iterator[str]:
    yield "a"
    yield "b"


def main() -> None:
    g = two()
    print(next(g), next(g))
    print(next(g, "default"))
    print(next(g))


if __name__ == "__main__":
    main()
