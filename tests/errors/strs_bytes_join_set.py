# error: 4:22: bytes.join() takes a list or tuple of bytes here, not "set[bytes]"
def main() -> None:
    parts = {b"a", b"b"}
    print(b", ".join(parts))


if __name__ == "__main__":
    main()
