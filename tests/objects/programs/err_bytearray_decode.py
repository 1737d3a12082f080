"""decode() of a bytearray that is not UTF-8: CPython's message."""


def main() -> None:
    ba = bytearray("ok".encode())
    print(ba.decode())
    ba.append(0xC3)
    print(ba.decode())


if __name__ == "__main__":
    main()
