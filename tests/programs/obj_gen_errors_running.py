"""A generator whose body resumes itself: CPython's ValueError
"generator already executing" stops the program."""
from collections.abc import Iterator


def selfish(box: list[Iterator[int]]) -> Iterator[int]:
    yield 1
    print("resuming myself")
    yield next(box[0])


def main() -> None:
    box: list[Iterator[int]] = []
    g = selfish(box)
    box.append(g)
    print(next(g))
    print(next(g))


if __name__ == "__main__":
    main()
