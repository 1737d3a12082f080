"""print and repr of bytes: printable ASCII as is, the rest as escapes."""


def main() -> None:
    print(b"hello", b"", b"\x00\xff\n\t", "é".encode(), b"it's", b'"q"')
    data = "añ".encode()
    print(repr(data), str(data), [data, b"x"])


if __name__ == "__main__":
    main()
