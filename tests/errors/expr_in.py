# error: 4:8: 'in' is not supported
def main() -> None:
    data = b"hello"
    if 104 in data:
        print("found")


if __name__ == "__main__":
    main()
