from typing import Final

from pythos.lang import u8, u32, Array

POLY: Final = u32(0xEDB88320)
TABLE = Array[u32, 256]()
CHECK: Final = b"123456789"
FOX: Final = b"The quick brown fox jumps over the lazy dog"


def make_table() -> None:
    for n in range(256):
        c = u32(n)
        for k in range(8):
            if c & 1:
                c = u32(POLY) ^ (c >> 1)
            else:
                c = c >> 1
        TABLE[n] = c


def crc32_bytes(data: bytes) -> u32:
    c = u32(0xFFFFFFFF)
    for b in data:
        c = TABLE[int((c ^ u32(b)) & 0xFF)] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


def crc32_bitwise(data: bytes) -> u32:
    c = ~u32(0)
    for i in range(len(data)):
        c ^= u32(data[i])
        for k in range(8):
            mask = -(c & 1)
            c = (c >> 1) ^ (u32(POLY) & mask)
    return ~c


def crc32_array(buf: Array[u8, 64], n: int) -> u32:
    c = u32(0xFFFFFFFF)
    for i in range(n):
        c = TABLE[int((c ^ u32(buf[i])) & 0xFF)] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


def main() -> None:
    make_table()
    print(f"table[1]={TABLE[1]:08x} table[128]={TABLE[128]:08x} table[255]={TABLE[255]:08x}")
    print(f"crc32('123456789') = {crc32_bytes(CHECK):08x}")
    print(f"bitwise            = {crc32_bitwise(CHECK):08x}")
    print(f"crc32(fox) = {crc32_bytes(FOX):#010x}")
    print(f"crc32('') = {crc32_bytes(b''):08x}")
    buf = Array[u8, 64]()
    for i in range(64):
        buf[i] = u8(i * 7 + 3)
    for n in range(0, 65, 16):
        print(f"crc32(buf[:{n}]) = {crc32_array(buf, n):08X}")


if __name__ == "__main__":
    main()
