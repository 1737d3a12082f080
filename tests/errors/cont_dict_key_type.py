# error: 4:16: invalid index type "i64" for "dict[str, i64]"; expected type "str"
def main() -> None:
    ages = {"ann": 30}
    print(ages[1])


if __name__ == "__main__":
    main()
