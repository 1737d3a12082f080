"""bytes.decode() of literals and constant bytes: UTF-8 of one to four
bytes per character, an empty view, a constant, and a slice of a view
(still the same bytes); the last decode is invalid UTF-8 and stops with
CPython's UnicodeDecodeError."""

from typing import Final

GREETING: Final = b"gr\xc3\xbc\xc3\x9f dich \xf0\x9f\x98\x80"


def describe(data: bytes) -> str:
    text = data.decode()
    return f"{len(data)} bytes, {len(text)} characters: {text}"


def main() -> None:
    print(describe(b"plain"), "|", describe(b""), "|", describe(GREETING))
    print(b"\xe2\x82\xac".decode() * 3, b"caf\xc3\xa9".decode().upper())
    print(repr(b"\x00\x7f".decode()), b"a\xd7\x90b".decode()[1], len(b"\xe6\x97\xa5".decode()))
    print(b"ok".decode(), b"\xc3\xa9".decode())
    print(b"caf\xe9!".decode())


if __name__ == "__main__":
    main()
