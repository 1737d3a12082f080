"""Helper module: integer math, built on lib_bits (a chained import)."""

from lib_bits import bit_length
import lib_bits

from pythos.lang import u64, i64


def gcd(a: u64, b: u64) -> u64:
    while b:
        t = a % b
        a = b
        b = t
    return a


def lcm(a: u64, b: u64) -> u64:
    return a // gcd(a, b) * b


def isqrt(n: u64) -> u64:
    if n < 2:
        return n
    # initial guess from the bit length
    x = u64(1) << u64((bit_length(n) + 1) // 2)
    while True:
        y = (x + n // x) >> 1
        if y >= x:
            return x
        x = y


def ipow(base: i64, exp: int) -> i64:
    r = i64(1)
    for i in range(exp):
        r *= base
    return r


def mask_of(n: u64) -> u64:
    return lib_bits.low_mask(bit_length(n))
