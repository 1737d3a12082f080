# error: 7:29: keyword argument repeated: a
def options(**opts: int) -> int:
    return len(opts)


def main() -> None:
    print(options(a=1, b=2, a=3))


main()
