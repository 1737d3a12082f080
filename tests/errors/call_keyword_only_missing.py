# error: 7:11: scale() is missing the argument 'by'
def scale(x: int, *, by: int) -> int:
    return x * by


def main() -> None:
    print(scale(4))
