"""print, str, repr and f-string fields of bytes: CPython's b'...' with
the quote it chooses (double when the data has a ' and no "), named
escapes for tab, newline, return and backslash, and \\xNN for the rest;
in an f-string with !r, as mypy asks."""

from typing import Final

RAW: Final = b"\x00\x1f\x7f\x80\xff\\ \t\n\r"


def show(data: bytes) -> str:
    return f"<{data!r}> " + repr(data) + str(data)


def main() -> None:
    print(b"hello", b"", b"\x00\xff\n\t", b"it's", b'"q"', b"both ' and \"", RAW)
    print(show(b"a'b"), f"{b'x'!r}|{len(RAW)}")
    print(b"ab")


if __name__ == "__main__":
    main()
