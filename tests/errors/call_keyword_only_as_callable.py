# error: 10:36: 'scale' has keyword-only parameters (by), so it cannot be a Callable value (a Callable passes its arguments by position); call it by name, or wrap it in a lambda
from collections.abc import Callable


def scale(x: int, *, by: int = 2) -> int:
    return x * by


def main() -> None:
    f: Callable[[int, int], int] = scale
    print(f(1, 2))
