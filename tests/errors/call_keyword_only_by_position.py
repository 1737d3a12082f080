# error: 7:11: scale() takes 1 positional argument but 2 were given (the rest are keyword-only)
def scale(x: int, *, by: int) -> int:
    return x * by


def main() -> None:
    print(scale(4, 3))
