"""A failed assert raises AssertionError, with its message."""


def check(n: int) -> int:
    assert n >= 0, f"negative: {n}"
    return n


def main() -> None:
    xs: list[int] = []
    try:
        check(-3)
    except AssertionError as e:
        print("caught", e)
    assert len(xs) == 1


main()
