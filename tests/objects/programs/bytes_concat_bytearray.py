"""`bytes + bytearray` (issue 11): bytes' `+` takes any buffer, so the
result is a new bytes object with a copy of the bytearray's contents
(changing the bytearray afterwards does not change it); `data += ba` too."""


def main() -> None:
    ba = bytearray(b"abc")
    data = b"x" + ba
    print(data, type(data).__name__, len(data))
    ba[0] = 65
    print(data, b"" + ba + b"!", ba + b"?")
    out = b"head:"
    for i in range(3):
        out += bytearray([48 + i])
    print(out)
    print(b"x" + bytearray() == b"x", (b"q" + ba).upper())


if __name__ == "__main__":
    main()
