import lib_bits as bits
import lib_mathx
import lib_mathx as mx
from lib_mathx import gcd as g, isqrt
from lib_bits import popcount32

from pythos.lang import u32, u64, i64


def main() -> None:
    print("gcd", g(u64(84), u64(36)), mx.gcd(u64(17), u64(5)), lib_mathx.gcd(u64(0), u64(12)))
    print("lcm", mx.lcm(u64(4), u64(6)), mx.lcm(u64(21), u64(6)))
    for v in range(0, 50, 7):
        n = u64(v * v * v)
        print("isqrt", n, isqrt(n), isqrt(n + 1), isqrt(n) * isqrt(n) <= n)
    print("isqrt max", isqrt(~u64(0)))
    print("ipow", mx.ipow(i64(3), 5), mx.ipow(i64(-2), 63), mx.ipow(i64(10), 19))
    print("popcount", popcount32(u32(0xF0F0)), bits.popcount32(~u32(0)))
    print("bit_length", bits.bit_length(u64(0)), bits.bit_length(u64(255)), bits.bit_length(u64(256)))
    print(f"mask {mx.mask_of(u64(1000)):#x} {bits.low_mask(64):#x} {bits.low_mask(0):#x}")
    total = u64(0)
    for a in range(1, 30):
        for b in range(1, 30):
            total += g(u64(a), u64(b))
    print("sum of gcds", total)


if __name__ == "__main__":
    main()
