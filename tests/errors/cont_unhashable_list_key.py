# error: 3:13: unhashable type "list[i64]" as a dict key or set element: list[i64] is mutable,
def main() -> None:
    index = {[1, 2]: "pair"}
    print(index)
