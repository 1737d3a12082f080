# error: 5:9: unsupported operand types for + ("i64 | None" and "i64"): a value may be None
def main() -> None:
    total: int | None = None
    for x in [1, 2]:
        total += x
    print(total)
