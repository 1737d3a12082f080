"""Quicksort (Hoare's partition, middle pivot, recursing into the smaller
part and looping on the larger) over an `Array[i64, N]` of pseudo-random
signed numbers, several rounds with different seeds.  Each round checks
that the result is sorted and prints a checksum of it.

Every element access is bounds-checked; the scanning loops
(`while DATA[i] < pivot: i += 1`) are the hot ones, and their indexes stay
in range only because the pivot stops them, which is harder for a compiler
to prove than a `range()` loop."""

from typing import Final

from pythos.lang import i64, u64, Array

N: Final = 3_000_000  # bench: size
ROUNDS: Final = 3

DATA = Array[i64, N]()


def fill(seed: u64) -> None:
    x = seed
    for i in range(N):
        x ^= x >> 12
        x ^= x << 25
        x ^= x >> 27
        DATA[i] = i64(x * 0x2545F4914F6CDD1D)


def quicksort(lo: int, hi: int) -> None:
    """Sorts DATA[lo..hi], both ends included."""
    while lo < hi:
        pivot = DATA[lo + (hi - lo) // 2]
        i = lo
        j = hi
        while i <= j:
            while DATA[i] < pivot:
                i += 1
            while DATA[j] > pivot:
                j -= 1
            if i <= j:
                t = DATA[i]
                DATA[i] = DATA[j]
                DATA[j] = t
                i += 1
                j -= 1
        if j - lo < hi - i:
            quicksort(lo, j)
            lo = i
        else:
            quicksort(i, hi)
            hi = j


def main() -> None:
    total = u64(0)
    for r in range(ROUNDS):
        fill(u64(0x9E3779B97F4A7C15) + u64(r))
        quicksort(0, N - 1)
        h = u64(0)
        unsorted = 0
        for i in range(N):
            if i > 0 and DATA[i - 1] > DATA[i]:
                unsorted += 1
            h = h * 31 + u64(DATA[i])
        print(f"round {r}: min {DATA[0]} median {DATA[N // 2]} max {DATA[N - 1]} "
              f"out of order {unsorted} hash {h:016x}")
        total ^= h
    print(f"xor of hashes {total:016x}")


if __name__ == "__main__":
    main()
