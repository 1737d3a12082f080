"""A decorator that appends to a module-level list and returns the
function unchanged; the functions run in registration order."""
from collections.abc import Callable

STEPS: list[Callable[[], str]] = []


def step(f: Callable[[], str]) -> Callable[[], str]:
    STEPS.append(f)
    return f


@step
def first() -> str:
    return "detect memory"


@step
def second() -> str:
    return "start scheduler"


def main() -> None:
    for i, s in enumerate(STEPS):
        print(i, s())
    print(first(), len(STEPS))


if __name__ == "__main__":
    main()
