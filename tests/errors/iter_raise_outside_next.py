# error: 3:5: 'raise' is not supported; use panic(message)
def first(xs: list[int]) -> int:
    raise StopIteration


def main() -> None:
    print(first([1]))
