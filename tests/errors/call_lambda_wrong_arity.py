# error: 6:31: this lambda takes 2 parameter(s), but a "Callable[[i64], i64]" is expect
from collections.abc import Callable


def main() -> None:
    f: Callable[[int], int] = lambda a, b: a
    print(f(1))


if __name__ == "__main__":
    main()
