# error: 4:13: unsupported operand types for + ("i64 | None" and "i64"): a value may be
def main() -> None:
    d = {"a": 1}
    total = d.get("a") + 1
    print(total)


if __name__ == "__main__":
    main()
