"""Table-driven CRC-32 (IEEE, reflected) over a 64 MiB buffer, processed
in 1 MiB chunks, several passes; the buffer is filled from xorshift64* and
one byte changes between passes.  Prints the CRC of every pass."""

from typing import Final

from pythos.lang import u8, u32, u64, Array, Ptr, addr_of

SIZE: Final = 64 * 1024 * 1024  # bench: size
CHUNK: Final = 1024 * 1024
PASSES: Final = 4
POLY: Final = u32(0xEDB88320)

BUF = Array[u8, SIZE]()
TABLE = Array[u32, 256]()


def make_table() -> None:
    for n in range(256):
        c = u32(n)
        for k in range(8):
            if c & 1:
                c = POLY ^ (c >> 1)
            else:
                c >>= 1
        TABLE[n] = c


def fill(seed: u64) -> None:
    # eight bytes at a time, through a u64 view of the buffer
    words = Ptr[u64](addr_of(BUF).addr)
    x = seed
    for i in range(SIZE // 8):
        x ^= x >> 12
        x ^= x << 25
        x ^= x >> 27
        words[i] = x * 0x2545F4914F6CDD1D


def crc32_update(crc: u32, start: int, n: int) -> u32:
    # CRC of BUF[start:start + n].  (It reads the global: a parameter
    # `buf: Array[u8, SIZE]` is rejected, as the Final SIZE is not yet
    # defined when signatures are checked.)
    c = ~crc
    for i in range(start, start + n):
        c = TABLE[(c ^ u32(BUF[i])) & 0xFF] ^ (c >> 8)
    return ~c


def main() -> None:
    make_table()
    fill(u64(0x9E3779B97F4A7C15))
    total = u32(0)
    for p in range(PASSES):
        BUF[p * 4099 % SIZE] ^= u8(p + 1)
        crc = u32(0)
        for off in range(0, SIZE, CHUNK):
            n = CHUNK if off + CHUNK <= SIZE else SIZE - off
            crc = crc32_update(crc, off, n)
        print(f"pass {p}: crc32={crc:08x}")
        total ^= crc
    print(f"size={SIZE} xor={total:08x} table[255]={TABLE[255]:08x}")


if __name__ == "__main__":
    main()
