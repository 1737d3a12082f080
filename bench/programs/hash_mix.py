"""PRNG/hash loop: xorshift64* draws feed FNV-1a (over the 8 bytes of each
draw) and murmur3's fmix64 finaliser; the top byte of every mixed value
goes into a 256-bucket histogram.  Prints checksums of everything."""

from typing import Final

from pythos.lang import u32, u64, Array

ITERS: Final = 60_000_000  # bench: size

FNV64_OFFSET: Final = u64(0xCBF29CE484222325)
FNV64_PRIME: Final = u64(0x100000001B3)

state = u64(88172645463325252)
HIST = Array[u32, 256]()


def xorshift64star() -> u64:
    global state
    x = state
    x ^= x >> 12
    x ^= x << 25
    x ^= x >> 27
    state = x
    return x * 0x2545F4914F6CDD1D


def fnv1a_word(h: u64, v: u64) -> u64:
    # FNV-1a over the 8 little-endian bytes of v
    for k in range(8):
        h ^= v & 0xFF
        h *= FNV64_PRIME
        v >>= 8
    return h


def fmix64(k: u64) -> u64:
    k ^= k >> 33
    k *= 0xFF51AFD7ED558CCD
    k ^= k >> 33
    k *= 0xC4CEB9FE1A85EC53
    k ^= k >> 33
    return k


def main() -> None:
    h = FNV64_OFFSET
    acc = u64(0)
    check = u64(0)
    for i in range(ITERS):
        r = xorshift64star()
        h = fnv1a_word(h, r)
        m = fmix64(r ^ h)
        acc += m
        HIST[m >> 56] += 1
        if i % 4096 == 0:
            check = (check << 7 | check >> 57) ^ acc
    lo = HIST[0]
    hi = HIST[0]
    weighted = u64(0)
    for b in range(256):
        c = HIST[b]
        if c < lo:
            lo = c
        if c > hi:
            hi = c
        weighted += u64(c) * u64(b + 1)
    print(f"iters={ITERS}")
    print(f"state={state:016x} fnv={h:016x}")
    print(f"acc={acc:016x} check={check:016x}")
    print(f"hist min={lo} max={hi} weighted={weighted}")


if __name__ == "__main__":
    main()
