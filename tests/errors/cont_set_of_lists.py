# error: 3:15: unhashable type "list[i64]" as a dict key or set element: list[i64] is mutable,
def main() -> None:
    rows: set[list[int]] = set()
    rows.add([1])
    print(rows)
