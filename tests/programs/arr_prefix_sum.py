from pythos.lang import u32, i32, i64, Array

VALS = Array[i32, 20]()
PREFIX = Array[i64, 21]()


def build() -> None:
    PREFIX[0] = 0
    for i in range(len(VALS)):
        PREFIX[i + 1] = PREFIX[i] + i64(VALS[i])


def range_sum(lo: int, hi: int) -> i64:
    # sum of VALS[lo:hi]
    return PREFIX[hi] - PREFIX[lo]


def max_subarray() -> i64:
    best = i64(VALS[0])
    for lo in range(len(VALS)):
        for hi in range(lo + 1, len(VALS) + 1):
            s = range_sum(lo, hi)
            if s > best:
                best = s
    return best


def kadane() -> i64:
    best = i64(VALS[0])
    cur = i64(0)
    for v in VALS:
        cur = cur + i64(v) if cur > 0 else i64(v)
        if cur > best:
            best = cur
    return best


def main() -> None:
    seed = u32(12345)
    for i in range(len(VALS)):
        seed = seed * 1664525 + 1013904223
        VALS[i] = i32(seed >> 24) - 128
    for v in VALS:
        print(v, end=" ")
    print()
    build()
    for i in range(0, 21, 4):
        print(f"prefix[{i}] = {PREFIX[i]}")
    print("sum 3..10", range_sum(3, 10), "all", range_sum(0, 20), "empty", range_sum(5, 5))
    print("max subarray brute", max_subarray(), "kadane", kadane())
    # 2D prefix sums on a flat 6x6 grid
    g = Array[u32, 36]()
    ps = Array[u32, 49]()
    for r in range(6):
        for c in range(6):
            g[r * 6 + c] = u32((r + 1) * (c + 2) % 7)
    for r in range(6):
        for c in range(6):
            ps[(r + 1) * 7 + c + 1] = g[r * 6 + c] + ps[r * 7 + c + 1] + ps[(r + 1) * 7 + c] - ps[r * 7 + c]
    print("2d total", ps[48])
    r0 = 1
    c0 = 2
    r1 = 4
    c1 = 5
    sub = ps[r1 * 7 + c1] - ps[r0 * 7 + c1] - ps[r1 * 7 + c0] + ps[r0 * 7 + c0]
    brute = u32(0)
    for r in range(r0, r1):
        for c in range(c0, c1):
            brute += g[r * 6 + c]
    print("2d sub", sub, "brute", brute)


if __name__ == "__main__":
    main()
