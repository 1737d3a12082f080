from typing import Final

from pythos.lang import u8, u32, Array

ALPHABET: Final = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
OUT = Array[u8, 128]()
DEC = Array[u8, 128]()


def encode(data: bytes) -> int:
    n = len(data)
    o = 0
    i = 0
    while i + 2 < n:
        v = (u32(data[i]) << 16) | (u32(data[i + 1]) << 8) | u32(data[i + 2])
        OUT[o] = ALPHABET[int(v >> 18)]
        OUT[o + 1] = ALPHABET[int((v >> 12) & 63)]
        OUT[o + 2] = ALPHABET[int((v >> 6) & 63)]
        OUT[o + 3] = ALPHABET[int(v & 63)]
        o += 4
        i += 3
    rest = n - i
    if rest == 1:
        v = u32(data[i]) << 16
        OUT[o] = ALPHABET[int(v >> 18)]
        OUT[o + 1] = ALPHABET[int((v >> 12) & 63)]
        OUT[o + 2] = 61
        OUT[o + 3] = 61
        o += 4
    elif rest == 2:
        v = (u32(data[i]) << 16) | (u32(data[i + 1]) << 8)
        OUT[o] = ALPHABET[int(v >> 18)]
        OUT[o + 1] = ALPHABET[int((v >> 12) & 63)]
        OUT[o + 2] = ALPHABET[int((v >> 6) & 63)]
        OUT[o + 3] = 61
        o += 4
    return o


def value_of(c: u8) -> u32:
    for k in range(64):
        if ALPHABET[k] == c:
            return u32(k)
    return u32(0)


def decode(n: int) -> int:
    # decodes OUT[0:n] into DEC, returns the byte count
    o = 0
    for q in range(0, n, 4):
        v = u32(0)
        pad = 0
        for k in range(4):
            c = OUT[q + k]
            v <<= 6
            if c == 61:
                pad += 1
            else:
                v |= value_of(c)
        DEC[o] = u8(v >> 16)
        DEC[o + 1] = u8(v >> 8)
        DEC[o + 2] = u8(v)
        o += 3 - pad
    return o


def show(label: str, data: bytes) -> None:
    n = encode(data)
    print(f"{label:<8} -> ", end="")
    for i in range(n):
        print(chr(OUT[i]), end="")
    m = decode(n)
    same = m == len(data)
    if same:
        for i in range(m):
            if DEC[i] != data[i]:
                same = False
    print(f" ({n} chars, roundtrip {same})")


def main() -> None:
    show("empty", b"")
    show("f", b"f")
    show("fo", b"fo")
    show("foo", b"foo")
    show("foob", b"foob")
    show("fooba", b"fooba")
    show("foobar", b"foobar")
    show("Man", b"Man")
    show("hello", b"hello world")
    show("binary", b"\x00\xff\x10\x80\x7f\xfe\x01")


if __name__ == "__main__":
    main()
