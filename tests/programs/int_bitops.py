from pythos.lang import u8, u32, u64


def popcount(x: u64) -> int:
    n = 0
    while x:
        x &= x - 1
        n += 1
    return n


def clz32(x: u32) -> int:
    if x == 0:
        return 32
    n = 0
    bit = u32(1) << 31
    while x & bit == 0:
        n += 1
        bit >>= 1
    return n


def ctz64(x: u64) -> int:
    if x == 0:
        return 64
    n = 0
    while (x & 1) == 0:
        x >>= 1
        n += 1
    return n


def reverse8(b: u8) -> u8:
    r = u8(0)
    for i in range(8):
        r = (r << 1) | (b & 1)
        b >>= 1
    return r


def reverse32(x: u32) -> u32:
    x = ((x >> 1) & 0x55555555) | ((x & 0x55555555) << 1)
    x = ((x >> 2) & 0x33333333) | ((x & 0x33333333) << 2)
    x = ((x >> 4) & 0x0F0F0F0F) | ((x & 0x0F0F0F0F) << 4)
    x = ((x >> 8) & 0x00FF00FF) | ((x & 0x00FF00FF) << 8)
    return (x >> 16) | (x << 16)


def parity(x: u32) -> u32:
    x ^= x >> 16
    x ^= x >> 8
    x ^= x >> 4
    x ^= x >> 2
    x ^= x >> 1
    return x & 1


def main() -> None:
    print("popcount", popcount(u64(0)), popcount(~u64(0)), popcount(u64(0xF0F0)), popcount(u64(1) << 63))
    for v in range(0, 40, 5):
        x = u32(v) * 0x01010101
        print(f"x={x:#010x} clz={clz32(x)} parity={parity(x)} rev={reverse32(x):#010x}")
    print("clz", clz32(u32(1)), clz32(u32(0)), clz32(u32(0xFFFFFFFF)))
    print("ctz", ctz64(u64(0)), ctz64(u64(1) << 40), ctz64(u64(96)))
    for b in range(0, 256, 37):
        print(f"rev8 {b:08b} -> {reverse8(u8(b)):08b}")
    # isolate lowest set bit, clear it, round up to power of two
    y = u32(0b1011000)
    print(f"lowest={y & (~y + 1):b} cleared={y & (y - 1):b}")
    n = u32(1000)
    n -= 1
    n |= n >> 1
    n |= n >> 2
    n |= n >> 4
    n |= n >> 8
    n |= n >> 16
    n += 1
    print("next pow2 of 1000:", n)
    print("bit fields", (u32(0xDEADBEEF) >> 8) & 0xFF, (u32(0xDEADBEEF) >> 24) & 0xF)


if __name__ == "__main__":
    main()
