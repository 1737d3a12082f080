# error: 3:33: dict value item 0 has incompatible type "str"; expected "i64"
def main() -> None:
    table: dict[int, int] = {1: "two"}
    print(table[1])


if __name__ == "__main__":
    main()
