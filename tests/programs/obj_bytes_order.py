"""Orderings of bytes (byte by byte, then the shorter first), of views and
of bytes made at run time, chained, and bytes == and !=."""


def show(x: bytes, y: bytes) -> None:
    print(x < y, x <= y, x > y, x >= y, x == y, x != y)


def main() -> None:
    a = "é".encode()
    show(b"a", b"b")
    show(b"ab", b"a")
    show(b"", b"")
    show(b"\xff", b"\x00\x01")
    show(a, b"\xc3")
    show(a, "é".encode())
    print(b"a" < b"b" < b"c", a + b"" >= a, a > b"b")


if __name__ == "__main__":
    main()
