"""hash() of a bytearray: mypy accepts it, CPython raises TypeError."""


def main() -> None:
    ba = bytearray(b"key")
    print(hash(bytes(ba)) == hash(b"key"))
    print(hash(ba))


if __name__ == "__main__":
    main()
