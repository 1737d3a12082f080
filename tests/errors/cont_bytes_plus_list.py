# error: 4:11: unsupported operand types for + ("list[u8]" and "bytes")
def main() -> None:
    data = "ab".encode()
    print([b for b in data] + data)


if __name__ == "__main__":
    main()
