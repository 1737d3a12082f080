"""Each call of a factory captures its own value; lambdas made in one
loop share the loop variable."""
from collections.abc import Callable


def scaler(k: int) -> Callable[[int], int]:
    return lambda x: x * k


def main() -> None:
    fixed = [scaler(k) for k in [2, 3, 5]]
    print([f(7) for f in fixed])
    shared: list[Callable[[int], int]] = []
    for k in [2, 3, 5]:
        shared.append(lambda x: x * k)
    print([f(7) for f in shared])


if __name__ == "__main__":
    main()
