# error: 3:21: a format with mapping keys ('%(name)s') takes a dict[str, ...], not "tuple[i64]" (CPython raises TypeError: format requires a mapping)
def main() -> None:
    print("%(a)s" % (1,))


main()
