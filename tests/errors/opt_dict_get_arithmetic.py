# error: 4:19: unsupported operand types for + ("i64 | None" and "i64"): a value may be None
def main() -> None:
    counts = {"a": 1}
    counts["a"] = counts.get("a") + 1
    print(counts)
