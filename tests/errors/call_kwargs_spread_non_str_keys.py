# error: 8:21: options() argument after ** must be a dict[str, ...] (keywords are strs), not "dict[i64, i64]"
def options(**opts: int) -> int:
    return len(opts)


def main() -> None:
    d: dict[int, int] = {1: 2}
    print(options(**d))


main()
