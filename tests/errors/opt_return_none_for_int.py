# error: 5:12: expected i64, got None
def lookup(key: str) -> int:
    if key == "a":
        return 1
    return None


def main() -> None:
    print(lookup("a"))


if __name__ == "__main__":
    main()
