"""Decoding bytes that are not UTF-8: UnicodeDecodeError."""


def main() -> None:
    print(b"caf\xc3\xa9".decode())
    print(b"caf\xe9".decode())


if __name__ == "__main__":
    main()
