"""Helper module: bit utilities, imported by lib_mathx and by programs."""

from pythos.lang import u32, u64


def bit_length(x: u64) -> int:
    n = 0
    while x:
        x >>= 1
        n += 1
    return n


def popcount32(x: u32) -> int:
    n = 0
    while x:
        x &= x - 1
        n += 1
    return n


def low_mask(bits: int) -> u64:
    if bits >= 64:
        return ~u64(0)
    return (u64(1) << u64(bits)) - 1
