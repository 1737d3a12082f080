# error: 12:2: argument "f" to "step" has incompatible type "Callable[[i64], str]"; expected "Callable[[], str]"
from collections.abc import Callable

STEPS: list[Callable[[], str]] = []


def step(f: Callable[[], str]) -> Callable[[], str]:
    STEPS.append(f)
    return f


@step
def first(n: int) -> str:
    return "detect memory" * n


def main() -> None:
    print(len(STEPS))


if __name__ == "__main__":
    main()
