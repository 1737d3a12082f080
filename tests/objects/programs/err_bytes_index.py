"""An index out of range of bytes made at run time: CPython's IndexError."""


def main() -> None:
    data = "caf\u00e9".encode()
    print(data[-1], data[4])
    print(data[5])


if __name__ == "__main__":
    main()
