"""`i64` wraps, compiled and under CPython (pythos.lang), where a plain
`int` would raise OverflowError: the sized type is the way to ask for
two's-complement arithmetic (hashes, checksums, random number generators)."""

from pythos.lang import i64


def fnv(data: bytes) -> i64:
    h = i64(-3750763034362895579)
    for b in data:
        h = (h ^ i64(b)) * i64(1099511628211)
    return h


def mixed(n: int) -> i64:
    # An int meeting an i64 gives an i64, which wraps.
    w = i64(2 ** 62)
    return n * w + w


def main() -> None:
    a = i64(2 ** 62)
    print(a + a, a * i64(4), -(a + a), (a + a) // i64(-1))
    w: i64 = a
    w += a
    print(w)
    print(fnv(b"pythos"), fnv(b""))
    print(mixed(3), mixed(-5))
    x = i64(1)
    print(x << 63, x << 64, i64(3) ** 41)


main()
