# error: 4:15: unsupported right operand type for in ("bytes")
def main() -> None:
    data = b"hello"
    if 104 in data:
        print("found")


if __name__ == "__main__":
    main()
