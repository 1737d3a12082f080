# error: 14:17: argument "f" to "apply" has incompatible type "Callable[[str], str]"; expected
from collections.abc import Callable


def apply(f: Callable[[int], int], x: int) -> int:
    return f(x)


def shout(s: str) -> str:
    return s.upper()


def main() -> None:
    print(apply(shout, 1))
