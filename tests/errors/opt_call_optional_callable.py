# error: 13:11: "Callable[[i64], i64] | None" not callable: 'hook' may be None here
from collections.abc import Callable


def inc(x: int) -> int:
    return x + 1


def main() -> None:
    hook: Callable[[int], int] | None = None
    if len("ab") == 2:
        hook = inc
    print(hook(1))
