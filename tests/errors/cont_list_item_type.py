# error: 3:25: list item 1 has incompatible type "str"; expected "i64"
def main() -> None:
    xs: list[int] = [1, "two", 3]
    print(xs)


if __name__ == "__main__":
    main()
