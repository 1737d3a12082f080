# error: 4:11: 'or' needs integers or bools, got bytes
def main() -> None:
    data = "".encode()
    print(data or b"empty")


if __name__ == "__main__":
    main()
