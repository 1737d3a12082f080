"""A closure reads the enclosing variable when it is called, not when it
was made."""
from collections.abc import Callable


def main() -> None:
    x = 1

    def show() -> int:
        return x * 10

    print(show())
    x = 2
    print(show())
    adders: list[Callable[[int], int]] = []
    for i in range(3):
        adders.append(lambda v: v + i)
    print([f(100) for f in adders])


if __name__ == "__main__":
    main()
