"""len() is a plain int under CPython, so it takes its context's type like
a literal does, where its value fits that type: an array's length is known
when compiling, a str or bytes length only at run time, so that one meets
narrow types only through a 64-bit conversion."""

from pythos.lang import Array, u8, u16, u64

table = Array[u16, 300]()


def main() -> None:
    small = Array[u8, 12]()
    x = u8(200)
    data = b"\x01\x02\x03\x04\x05"
    print(x < len(small), x // len(small), x % len(small), x + len(small))
    print(u16(299) < len(table), u16(1000) // len(table), len(table) + 1)
    print(u64(x) < len(data), u64(x) // len(data), len(data) * 3, len("h\u00e9llo"))
    for i in range(u16(290), len(table)):
        print(i, end=" ")
    print()


if __name__ == "__main__":
    main()
