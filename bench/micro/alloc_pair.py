"""Allocation and release of a small object, in a Linux program.

`Small(i).value` makes a one-field instance, reads the field and drops
it: the allocator's fast path inline, the header and field stores, the
decrement to zero and `obj_release`, which frees an instance that holds
no objects straight onto its class's free list.  bench/micro.py times
this program and a copy with `Small(i).value` replaced by `i` (the
loop's own cost), and gives the difference per pair in nanoseconds and
in cycles at the processor's clock.  The kernel measures the same
statement in exact instructions (kernel/mm/objcost.py).
"""

from typing import Final

PAIRS: Final = 40000000


class Small:
    def __init__(self, value: int) -> None:
        self.value = value


def pairs(count: int) -> int:
    total = 0
    for i in range(count):
        total += Small(i).value  # pair
    return total


def main() -> None:
    print(f"checksum {pairs(PAIRS)}")


if __name__ == "__main__":
    main()
