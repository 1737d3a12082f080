# error: 2:15: variable-length tuples (tuple[T, ...]) are not supported; use list[T]
def total(xs: tuple[int, ...]) -> int:
    return sum(xs)


def main() -> None:
    print(total((1, 2, 3)))
