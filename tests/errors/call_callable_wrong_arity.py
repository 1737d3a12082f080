# error: 10:31: expected Callable[[i64], i64], got Callable[[i64, i64], i64]
from collections.abc import Callable


def add(a: int, b: int) -> int:
    return a + b


def main() -> None:
    f: Callable[[int], int] = add
    print(f(1))


if __name__ == "__main__":
    main()
