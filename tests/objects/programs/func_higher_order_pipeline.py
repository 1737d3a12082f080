"""map/filter-style pipelines written with Callables and comprehensions."""
from collections.abc import Callable


def pipeline(stages: list[Callable[[list[int]], list[int]]], data: list[int]) -> list[int]:
    for stage in stages:
        data = stage(data)
    return data


def only_even(xs: list[int]) -> list[int]:
    return [x for x in xs if x % 2 == 0]


def main() -> None:
    stages: list[Callable[[list[int]], list[int]]] = [
        only_even,
        lambda xs: [x * x for x in xs],
        lambda xs: sorted(xs, reverse=True),
        lambda xs: xs[:3],
    ]
    print(pipeline(stages, list(range(12))))
    print(pipeline([], [3, 1]), pipeline(stages[1:2], [2, 3]))


if __name__ == "__main__":
    main()
