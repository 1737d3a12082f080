"""Prefix sums and range queries over an `Array[u32, N]`: build the
running totals into an `Array[u64, N]`, answer pseudo-random "sum of
a[lo:hi]" queries from them, then change some elements, many rounds.
Prints checksums of the sums and the answers.

The prefix loop reads `VALUES[i]` and `SUMS[i - 1]` and writes `SUMS[i]`,
all within `range(1, N)`: indexes a compiler can prove in bounds.  The
queries index with values derived from random numbers (`% N`), which it
can prove only by reasoning about the remainder."""

from typing import Final

from pythos.lang import i64, u32, u64, Array

ROUNDS: Final = 10_000  # bench: size
N: Final = 64 * 1024
QUERIES: Final = N // 16

VALUES = Array[u32, N]()
SUMS = Array[u64, N]()

rng_state = u64(0x853C49E6748FEA9B)


def rand() -> u64:
    global rng_state
    x = rng_state
    x ^= x >> 12
    x ^= x << 25
    x ^= x >> 27
    rng_state = x
    return x * 0x2545F4914F6CDD1D


def prefix_sums() -> None:
    SUMS[0] = u64(VALUES[0])
    for i in range(1, N):
        SUMS[i] = SUMS[i - 1] + u64(VALUES[i])


def range_sum(lo: int, hi: int) -> u64:
    """VALUES[lo] + ... + VALUES[hi - 1], for 0 <= lo < hi <= N."""
    if lo == 0:
        return SUMS[hi - 1]
    return SUMS[hi - 1] - SUMS[lo - 1]


def main() -> None:
    for i in range(N):
        VALUES[i] = u32(rand() >> 40)
    answers = u64(0)
    totals = u64(0)
    for r in range(ROUNDS):
        prefix_sums()
        totals = totals * 31 + SUMS[N - 1]
        for q in range(QUERIES):
            a = i64(rand() % u64(N))
            b = i64(rand() % u64(N))
            lo = a if a < b else b
            hi = b if a < b else a
            answers = answers * 31 + range_sum(lo, hi + 1)
        for k in range(64):
            i = i64(rand() % u64(N))
            VALUES[i] = u32(rand() >> 40)
        if r % 4096 == 0:
            print(f"round {r}: total {SUMS[N - 1]} middle {SUMS[N // 2]}")
    print(f"totals {totals:016x} answers {answers:016x}")


if __name__ == "__main__":
    main()
