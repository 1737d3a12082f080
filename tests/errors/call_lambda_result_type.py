# error: 6:41: incompatible return value type (got "i64", expected "str")
from collections.abc import Callable


def main() -> None:
    f: Callable[[int], str] = lambda a: a + 1
    print(f(1))


if __name__ == "__main__":
    main()
