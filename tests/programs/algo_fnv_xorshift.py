from typing import Final

from pythos.lang import u8, u32, u64, Array

FNV32_OFFSET: Final = u32(0x811C9DC5)
FNV32_PRIME: Final = u32(0x01000193)
FNV64_OFFSET: Final = u64(0xCBF29CE484222325)
FNV64_PRIME: Final = u64(0x100000001B3)
WORDS: Final = b"alpha beta gamma delta epsilon zeta eta theta"


def fnv1a32(data: bytes) -> u32:
    h = u32(FNV32_OFFSET)
    for b in data:
        h ^= u32(b)
        h *= u32(FNV32_PRIME)
    return h


def fnv1a64(data: bytes) -> u64:
    h = u64(FNV64_OFFSET)
    for b in data:
        h ^= u64(b)
        h *= u64(FNV64_PRIME)
    return h


state32 = u32(2463534242)
state64 = u64(88172645463325252)


def xorshift32() -> u32:
    global state32
    x = state32
    x ^= x << 13
    x ^= x >> 17
    x ^= x << 5
    state32 = x
    return x


def xorshift64star() -> u64:
    global state64
    x = state64
    x ^= x >> 12
    x ^= x << 25
    x ^= x >> 27
    state64 = x
    return x * 0x2545F4914F6CDD1D


def main() -> None:
    print(f"fnv1a32('') = {fnv1a32(b''):08x}")
    print(f"fnv1a32('a') = {fnv1a32(b'a'):08x}")
    print(f"fnv1a32('foobar') = {fnv1a32(b'foobar'):08x}")
    print(f"fnv1a64('') = {fnv1a64(b''):016x}")
    print(f"fnv1a64('a') = {fnv1a64(b'a'):016x}")
    print(f"fnv1a64('foobar') = {fnv1a64(b'foobar'):016x}")
    print(f"fnv1a32(words) = {fnv1a32(WORDS):#x} fnv1a64(words) = {fnv1a64(WORDS):#x}")
    for i in range(5):
        print(f"xorshift32 #{i}: {xorshift32()}")
    for i in range(5):
        print(f"xorshift64* #{i}: {xorshift64star():#018x}")
    # histogram of 10000 draws into 8 buckets
    hist = Array[u32, 8]()
    for i in range(10000):
        hist[int(xorshift32() >> 29)] += 1
    for i in range(8):
        print(f"bucket {i}: {hist[i]}")
    # hash-table slot distribution for keys built from bytes of a counter
    slots = Array[u8, 16]()
    key = Array[u8, 4]()
    for i in range(64):
        key[0] = u8(i)
        key[1] = u8(i >> 8)
        h = u32(FNV32_OFFSET)
        for b in key:
            h ^= u32(b)
            h *= u32(FNV32_PRIME)
        slots[int(h & 15)] += 1
    for s in slots:
        print(s, end=" ")
    print()


if __name__ == "__main__":
    main()
