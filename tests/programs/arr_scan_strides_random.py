"""Scan loops that run four turns per index test (`while A[i] < x:
i += 1` and three other shapes: down, a step of 3 with an offset of +2,
a step of -2 with an offset of -1) against a plain loop that computes
the same scan: a thousand pseudo-random arrays, starts (negative ones
included) and bounds.  Each scan runs only where the plain loop says it
stays in [-40, 40) (an Array's IndexError panics, so it cannot be
caught); the panics are in arr_scan_stride_panic*.py.  The output is a
sample of the results and a checksum of all of them."""

from pythos.lang import Array, i64, u64

A = Array[i64, 40]()


def up(i: int, x: i64) -> int:
    while A[i] < x:
        i += 1
    return i


def down(j: int, x: i64) -> int:
    while A[j] > x:
        j -= 1
    return j


def up3(i: int, x: i64) -> int:
    while A[i + 2] <= x:
        i += 3
    return i


def down2(j: int, x: i64) -> int:
    while x < A[j - 1]:
        j -= 2
    return j


def safe(kind: int, i: int, x: i64) -> bool:
    """Whether the scan of `kind` from `i` stays within [-40, 40): a loop
    of another shape (two statements), so it is not grouped."""
    while True:
        k = i + (2 if kind == 2 else -1 if kind == 3 else 0)
        if k < -40 or k >= 40:
            return False
        item = A[k]
        if kind == 0:
            more = item < x
        elif kind == 1:
            more = item > x
        else:
            more = item <= x if kind == 2 else x < item
        if not more:
            return True
        i += (1 if kind == 0 else -1 if kind == 1 else 3 if kind == 2 else -2)


def main() -> None:
    s = u64(12345)
    total = 0
    unsafe = 0
    for r in range(1000):
        s ^= s << u64(13)
        s ^= s >> u64(7)
        s ^= s << u64(17)
        for k in range(40):
            s ^= s << u64(13)
            s ^= s >> u64(7)
            s ^= s << u64(17)
            A[k] = i64(s % u64(100))
        start = int(i64(s % u64(100))) - 50
        x = i64((s >> u64(20)) % u64(110))
        kind = r % 4
        if not safe(kind, start, x):
            total += 7 * r
            unsafe += 1
            continue
        if True:
            if kind == 0:
                v = up(start, x)
            elif kind == 1:
                v = down(start, x)
            elif kind == 2:
                v = up3(start, x)
            else:
                v = down2(start, x)
            total += v * (r + 1)
            if r % 100 == 0:
                print(r, kind, start, x, v)
    print("total", total, "out of range", unsafe)


if __name__ == "__main__":
    main()
