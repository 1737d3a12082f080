# error: 7:17: clamp() has no parameter 'value' (it is positional-only)
def clamp(value: int, /, high: int = 100) -> int:
    return min(value, high)


def main() -> None:
    print(clamp(value=5))


main()
