"""An OverflowError that escapes: the traceback, frame by frame, status 1."""


def scale(values: list[int], factor: int) -> list[int]:
    return [v * factor for v in values]


def grow(values: list[int], rounds: int) -> list[int]:
    for _ in range(rounds):
        values = scale(values, 1000)
    return values


def main() -> None:
    print(grow([1, 2, 3], 6))
    print(grow([1, 2, 3], 7))


main()
