# error: 4:11: bytes cannot be sliced
def main() -> None:
    data = b"hello"
    print(data[1:3] == b"el")


if __name__ == "__main__":
    main()
