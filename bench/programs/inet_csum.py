"""The Internet checksum (RFC 1071), as a network stack computes it over
every packet: the ones' complement sum of big-endian 16-bit words.  A
buffer of pseudo-random bytes is cut into 1500-byte packets at a moving
offset (so packets start at odd addresses too), many rounds.  Unlike the
other programs this loop is throughput-bound, not latency-bound: it shows
what the compiler's loops cost when the CPU is not waiting anyway."""

from typing import Final

from pythos.lang import u8, u16, u32, u64, Array, Ptr, addr_of

SIZE: Final = 4 * 1024 * 1024  # bench: size
ROUNDS: Final = 400
PKT: Final = 1500

BUF = Array[u8, SIZE]()


def fill(seed: u64) -> None:
    words = Ptr[u64](addr_of(BUF).addr)
    x = seed
    for i in range(SIZE // 8):
        x ^= x >> 12
        x ^= x << 25
        x ^= x >> 27
        words[i] = x * 0x2545F4914F6CDD1D


def inet_checksum(off: int, n: int) -> u16:
    """Checksum of BUF[off:off + n]."""
    s = u64(0)
    for i in range(off, off + n - 1, 2):
        s += u64(BUF[i]) << 8 | u64(BUF[i + 1])
    if n & 1:
        s += u64(BUF[off + n - 1]) << 8
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~u16(s)


def main() -> None:
    fill(u64(0x243F6A8885A308D3))
    acc = u64(0)
    packets = 0
    for r in range(ROUNDS):
        off = r * 7 % 64
        while off + PKT <= SIZE:
            c = inet_checksum(off, PKT - r % 2)
            acc = acc * 31 + u64(c)
            packets += 1
            off += PKT
    print(f"packets={packets} acc={acc:016x}")
    print(f"first={inet_checksum(0, PKT):04x} whole={inet_checksum(0, SIZE):04x}")


if __name__ == "__main__":
    main()
