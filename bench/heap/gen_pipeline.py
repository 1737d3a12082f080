"""A pipeline of generators over 10 million numbers (issue 12).

Four generator stages, each pulling from the one before: a counter,
a stage that mixes each number (xorshift-style, kept to 32 bits), a
filter that keeps about half of them, and a running total; then a
generator expression over a second, shorter pipeline and `sum()`.

Exercises: generator functions (`yield` in `while` and `for` loops, a
filter that yields some items only), generators passed as `Iterable`
arguments, a generator expression with a condition consumed by `sum()`.
Every item crosses every stage through a suspended generator: the time is
the cost of resuming a generator (a frame's state, a jump to the code
after the `yield`, the item handed back), not of allocating, since each
stage is one frame made once.
"""

from __future__ import annotations

from typing import Final, Iterable, Iterator

ITEMS: Final = 10_000_000
MASK: Final = 0xFFFF_FFFF


def numbers(n: int) -> Iterator[int]:
    i = 0
    while i < n:
        yield i
        i += 1


def mixed(src: Iterable[int]) -> Iterator[int]:
    for x in src:
        x ^= (x << 13) & MASK
        x ^= x >> 17
        x ^= (x << 5) & MASK
        yield x


def kept(src: Iterable[int]) -> Iterator[int]:
    for x in src:
        if x & 1 == 0:
            yield x


def running(src: Iterable[int]) -> Iterator[int]:
    total = 0
    for x in src:
        total = (total + x) & MASK
        yield total


def main() -> None:
    checksum = 0
    count = 0
    for total in running(kept(mixed(numbers(ITEMS)))):
        checksum ^= total
        count += 1
    small = sum(x & 0xFF for x in mixed(numbers(ITEMS // 10)) if x % 3 == 0)
    print("kept", count, "expression sum", small)
    print("checksum", checksum)


if __name__ == "__main__":
    main()
