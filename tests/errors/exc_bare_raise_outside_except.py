# error: 4:9: a bare 'raise' re-raises the exception being handled, and here none is
def check(n: int) -> None:
    if n < 0:
        raise


def main() -> None:
    check(1)
