# error: 3:10: unhashable type "list[i64]" as a dict key or set element: list[i64] is mutable, so it has no hash
def main() -> None:
    fs = frozenset([[1], [2]])
    print(len(fs))


if __name__ == "__main__":
    main()
