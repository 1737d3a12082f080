# error: 4:14: expected i64, got str
def main() -> None:
    seen = {1, 2}
    seen.add("x")


if __name__ == "__main__":
    main()
