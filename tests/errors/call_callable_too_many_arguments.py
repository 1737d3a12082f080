# error: 6:12: too many arguments: 'f' is a "Callable[[i64], i64]", which takes 1
from collections.abc import Callable


def apply(f: Callable[[int], int]) -> int:
    return f(1, 2)


def main() -> None:
    print(apply(lambda x: x))


if __name__ == "__main__":
    main()
