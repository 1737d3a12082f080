# error: 7:26: dict value item 1 has incompatible type "str"; expected "i64"
def options(**opts: int) -> int:
    return len(opts)


def main() -> None:
    print(options(a=1, b="two"))


main()
