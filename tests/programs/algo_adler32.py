from typing import Final

from pythos.lang import u8, u16, u32, Array

MOD_ADLER: Final = u32(65521)


def adler32(data: bytes) -> u32:
    a = u32(1)
    b = u32(0)
    for c in data:
        a = (a + u32(c)) % MOD_ADLER
        b = (b + a) % MOD_ADLER
    return (b << 16) | a


def fletcher16(data: bytes) -> u16:
    s1 = u16(0)
    s2 = u16(0)
    for c in data:
        s1 = (s1 + u16(c)) % 255
        s2 = (s2 + s1) % 255
    return (s2 << 8) | s1


def inet_checksum(buf: Array[u8, 20], n: int) -> u16:
    s = u32(0)
    i = 0
    while i + 1 < n:
        s += (u32(buf[i]) << 8) | u32(buf[i + 1])
        i += 2
    if i < n:
        s += u32(buf[i]) << 8
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~u16(s)


def main() -> None:
    print(f"adler32('Wikipedia') = {adler32(b'Wikipedia'):#010x}")
    print(f"adler32('') = {adler32(b''):#010x}")
    print(f"adler32('abc') = {adler32(b'abc'):#010x}")
    print(f"fletcher16('abcde') = {fletcher16(b'abcde'):#06x}")
    print(f"fletcher16('abcdef') = {fletcher16(b'abcdef'):#06x}")
    # an IPv4 header checksum example
    hdr = Array[u8, 20]()
    words = b"\x45\x00\x00\x73\x00\x00\x40\x00\x40\x11\x00\x00\xc0\xa8\x00\x01\xc0\xa8\x00\xc7"
    for i in range(20):
        hdr[i] = words[i]
    c = inet_checksum(hdr, 20)
    print(f"ipv4 checksum = {c:#06x}")
    hdr[10] = u8(c >> 8)
    hdr[11] = u8(c)
    print(f"verify = {inet_checksum(hdr, 20):#06x}")
    print(f"odd length = {inet_checksum(hdr, 19):#06x}")
    # a long input with many wraps of the modulus
    a = u32(1)
    b = u32(0)
    for i in range(100000):
        a = (a + u32(i % 256)) % MOD_ADLER
        b = (b + a) % MOD_ADLER
    print(f"long adler = {(b << 16) | a:#010x}")


if __name__ == "__main__":
    main()
