"""What the plain `int`'s overflow checks cost, in a Linux program.

`acc * 31 + i` on plain ints is two checked operations: each is LLVM's
`llvm.smul/sadd.with.overflow` and a `jo` to the cold path that raises
OverflowError (docs/language.md, "Integers").  The baseline computes the
same values as `i64`s, which wrap and so need no test; nothing here
overflows, so both give the same checksum.
"""

from typing import Final

from pythos.lang import i64

PAIRS: Final = 100000000


def mix(count: int, mask: int) -> int:
    acc = 1
    for i in range(count):
        acc = (acc * 31 + i) & mask  # pair
    return acc


def main() -> None:
    _ = i64(0)
    # 48 bits, from a value the optimiser cannot see through: with a
    # constant mask it proves that nothing overflows and drops the tests.
    mask = (1 << (len(str(PAIRS)) + 39)) - 1
    print(f"checksum {mix(PAIRS, mask)}")


if __name__ == "__main__":
    main()
