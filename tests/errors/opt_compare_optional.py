# error: 8:8: unsupported operand types for < ("i64 | None" and "i64")
def parse(s: str) -> int | None:
    return int(s) if s.isdigit() else None


def main() -> None:
    n = parse("12")
    if n < 20:
        print("small")
