"""An index out of range of a bytearray: CPython's IndexError."""


def main() -> None:
    ba = bytearray("é".encode())
    print(ba[-2], ba[1])
    ba[-2] = 0x41
    print(ba)
    ba[2] = 0


if __name__ == "__main__":
    main()
