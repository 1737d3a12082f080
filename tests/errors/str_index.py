# error: 4:11: indexing a str is not supported (use bytes)
def main() -> None:
    s = "hello"
    print(s[0] == "h")


if __name__ == "__main__":
    main()
