# error: 4:15: expected i64, got str
def main() -> None:
    xs: list[int] = []
    xs.append("three")


if __name__ == "__main__":
    main()
