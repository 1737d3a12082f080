# error: 7:23: scale() got two values for 'factor'
def scale(value: int, factor: int = 2, **extra: int) -> int:
    return value * factor + len(extra)


def main() -> None:
    print(scale(1, 2, factor=3))


main()
