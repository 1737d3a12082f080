"""The sieve of Eratosthenes over an `Array[u8, N]` of flags (1 MiB, so
that it stays in the L2 cache and the loop, not memory, sets the pace),
many passes with limits from N down to N/4.  Prints the number of primes,
the largest, and a checksum of all of them.

The inner loop strides through the array storing zeros; each store is
bounds-checked (in range by construction: j < limit <= N), which is the
check a compiler that can prove the range removes."""

from typing import Final

from pythos.lang import u8, u64, Array

N: Final = 1024 * 1024  # bench: size
PASSES: Final = 384

FLAGS = Array[u8, N]()


def sieve(limit: int) -> None:
    """Marks FLAGS[i] = 1 for the primes i below limit, 0 for the rest."""
    for i in range(limit):
        FLAGS[i] = 1
    FLAGS[0] = 0
    FLAGS[1] = 0
    i = 2
    while i * i < limit:
        if FLAGS[i]:
            for j in range(i * i, limit, i):
                FLAGS[j] = 0
        i += 1


def main() -> None:
    total = u64(0)
    for p in range(PASSES):
        limit = N - p % 96 * (N // 128)
        sieve(limit)
        count = 0
        largest = 0
        h = u64(0)
        for i in range(limit):
            if FLAGS[i]:
                count += 1
                largest = i
                h = h * 31 + u64(i)
        if p % 128 == 0:
            print(f"below {limit}: {count} primes, largest {largest}, hash {h:016x}")
        total = total * 3 + h
    print(f"hash of hashes {total:016x}")


if __name__ == "__main__":
    main()
