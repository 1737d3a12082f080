"""Insertion sort of a `list[int]` built by `append`, then prefix sums
over it, several rounds with different seeds.  Prints checksums.

The list program of the C comparison (issue 11): every `a[j]` goes
through the list's length and items pointer, and is bounds-checked.  The
insertion loop (`while j >= 0 and a[j] > x`) is the hot one; its index
stays in range because of its own `j >= 0` test and because it starts
below `len(a)`, which a compiler can prove only if it knows the loop does
not change the list's length."""

from typing import Final

from pythos.lang import i64, u64

N: Final = 24_000  # bench: size
ROUNDS: Final = 3


def build(seed: u64) -> list[int]:
    a: list[int] = []
    x = seed
    for i in range(N):
        x ^= x >> 12
        x ^= x << 25
        x ^= x >> 27
        a.append(int(i64((x * 0x2545F4914F6CDD1D) >> 40)))
    return a


def insertion_sort(a: list[int]) -> None:
    for i in range(1, len(a)):
        x = a[i]
        j = i - 1
        while j >= 0 and a[j] > x:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = x


def prefix_sums(a: list[int]) -> None:
    for i in range(1, len(a)):
        a[i] = a[i] + a[i - 1]


def main() -> None:
    total = u64(0)
    for r in range(ROUNDS):
        a = build(u64(0x9E3779B97F4A7C15) + u64(r))
        insertion_sort(a)
        unsorted = 0
        for i in range(1, len(a)):
            if a[i - 1] > a[i]:
                unsorted += 1
        lo = a[0]
        mid = a[len(a) // 2]
        hi = a[len(a) - 1]
        prefix_sums(a)
        h = u64(0)
        for v in a:
            h = h * 31 + u64(v)
        print(f"round {r}: min {lo} median {mid} max {hi} out of order {unsorted} "
              f"sum {a[len(a) - 1]} hash {h:016x}")
        total ^= h
    print(f"xor of hashes {total:016x}")


if __name__ == "__main__":
    main()
