"""What compiled object code costs in the kernel, in guest instructions.

``objbench.run`` (``bench=heap`` on the command line) calls ``run`` after
its allocator figures.  Where ``objbench`` calls ``obj_alloc`` and
``obj_free`` directly, this module is ordinary Python (classes, a list, a
dict and str), compiled as any kernel code is, so what it measures is what
the compiler makes of each operation, count updates and all:

- *a small object made and dropped*: ``Small(i).value`` makes a
  one-field instance, reads its field and drops it, so its count reaches
  zero and it is released and freed.  A class with no object fields
  cannot be part of a cycle and is not tracked by the collector; the
  same for ``Link``, which can (a field of its own type), shows what the
  collector's bookkeeping adds;
- *a reference count increment and decrement*: ``held = box.item`` takes
  a new reference to an object (an increment), and it is dropped at the
  end of the statement that uses it (a decrement that does not reach
  zero);
- *``list.append``* of an int to a ``list[int]``, averaged over a list
  grown from empty to ``APPENDS`` items (the buffer's regrowth included,
  as it is in any program);
- *a dict lookup of a short str key*: ``table[key]`` in a
  ``dict[str, int]`` of eight entries, with keys of 3 to 7 characters.

Each is timed with ``rdtsc`` around the statement, ``ROUNDS`` times,
with interrupts off; under QEMU's ``-icount`` that is exact guest
instructions.  The cost of the empty window (two ``rdtsc`` and the
subtraction) is taken off, so each figure is the operation's own.
"""

from typing import Final

import kernel.arch.x86_64.irqflags as irqflags
from pythos.lang import rdtsc, u64

ROUNDS: Final = 4096
APPENDS: Final = 4096

# What each loop computed, for run() to check against CPython's result.
checksum: int = 0


class Small:
    """The smallest useful instance: a header and one int field."""

    def __init__(self, value: int) -> None:
        self.value = value


class Link:
    """An instance that may be part of a cycle: the collector tracks it."""

    def __init__(self, value: int, next: "Link | None") -> None:
        self.value = value
        self.next = next


class Box:
    """Holds an object, for the count update of reading it."""

    def __init__(self, item: Small) -> None:
        self.item = item


def window() -> u64:
    """Instructions an empty timing window costs, averaged."""
    cost = u64(0)
    for _ in range(ROUNDS):
        start = rdtsc()
        cost += rdtsc() - start
    return cost // u64(ROUNDS)


def small_pair() -> u64:
    """Instructions to make and drop a ``Small``."""
    cost = u64(0)
    total = 0
    for i in range(ROUNDS):
        start = rdtsc()
        total += Small(i).value
        cost += rdtsc() - start
    note(total)
    return cost // u64(ROUNDS)


def link_pair() -> u64:
    """Instructions to make and drop a ``Link`` (tracked by the collector)."""
    cost = u64(0)
    total = 0
    for i in range(ROUNDS):
        start = rdtsc()
        total += Link(i, None).value
        cost += rdtsc() - start
    note(total)
    return cost // u64(ROUNDS)


def count_pair() -> u64:
    """Instructions to take a reference to an object and drop it again."""
    box = Box(Small(7))
    cost = u64(0)
    total = 0
    for _ in range(ROUNDS):
        start = rdtsc()
        held = box.item
        total += held.value
        cost += rdtsc() - start
    note(total)
    return cost // u64(ROUNDS)


def append_cost() -> u64:
    """Instructions per ``list.append``, amortised over growing a list."""
    items: list[int] = []
    cost = u64(0)
    for i in range(APPENDS):
        start = rdtsc()
        items.append(i)
        cost += rdtsc() - start
    note(len(items))
    return cost // u64(APPENDS)


def lookup_cost() -> u64:
    """Instructions per ``table[key]`` of a short str key."""
    table = {"cpu": 1, "heap": 2, "irq": 3, "timer": 4, "serial": 5, "frames": 6,
             "paging": 7, "console": 8}
    key = "serial"
    cost = u64(0)
    total = 0
    for _ in range(ROUNDS):
        start = rdtsc()
        total += table[key]
        cost += rdtsc() - start
    note(total)
    return cost // u64(ROUNDS)


def note(result: int) -> None:
    global checksum
    checksum += result


def less(cost: u64, empty: u64) -> u64:
    """``cost`` with the empty window's taken off (never below zero)."""
    return cost - empty if cost > empty else u64(0)


def run() -> None:
    """Measure with interrupts off, then print ``bench: op ...`` lines."""
    flags = irqflags.save_and_disable()
    empty = window()
    small = small_pair()
    link = link_pair()
    count = count_pair()
    append = append_cost()
    lookup = lookup_cost()
    irqflags.restore(flags)
    print(f"bench: op small object alloc+free {less(small, empty)}")
    print(f"bench: op tracked object alloc+free {less(link, empty)}")
    print(f"bench: op refcount increment+decrement {less(count, empty)}")
    print(f"bench: op list.append {less(append, empty)}")
    print(f"bench: op dict lookup, short str key {less(lookup, empty)}")
    # The checksums keep the work from being optimised away, and say that
    # it was done: CPython's results for the same loops.
    expected = 2 * (ROUNDS * (ROUNDS - 1) // 2) + 7 * ROUNDS + APPENDS + 5 * ROUNDS
    print(f"bench: op checksum right {1 if checksum == expected else 0}")
