# error: 9:19: a function value takes positional arguments only
from collections.abc import Callable


def main() -> None:
    def scale(x: int) -> int:
        return x * 2
    f: Callable[[int], int] = scale
    print(f(3), f(x=4))


if __name__ == "__main__":
    main()
