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

And *heap efficiency on binary trees*: the work of
bench/heap/binary_trees.py (complete trees of two-field ``Tree`` objects
built, walked and dropped beside a long-lived one), at depths up to
``TREE_DEPTH``; peak live bytes over the object allocator's footprint at
that peak, and over the kernel heap's (what the design really holds).

Each operation is timed with ``rdtsc`` around the statement, ``ROUNDS`` times,
with interrupts off; under QEMU's ``-icount`` that is exact guest
instructions.  The cost of the empty window (two ``rdtsc`` and the
subtraction) is taken off, so each figure is the operation's own.
"""

from typing import Final

import kernel.arch.x86_64.irqflags as irqflags
import kernel.mm.heap as heap
from pythos.lang import i64, rdtsc, u64
from pythos.rt.alloc import obj_reset_peak, obj_stats, obj_trim

ROUNDS: Final = 4096
APPENDS: Final = 4096
TREE_MIN_DEPTH: Final = 4
TREE_DEPTH: Final = 12

# What each loop computed, for run() to check against CPython's result.
# An i64, which wraps: a sum kept only so the work is not optimised away
# needs no OverflowError test (docs/language.md, "Integers").
checksum = i64(0)


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


class Tree:
    """binary_trees' node: two children, or none."""

    def __init__(self, left: "Tree | None", right: "Tree | None") -> None:
        self.left = left
        self.right = right


def make_tree(depth: int) -> Tree:
    if depth == 0:
        return Tree(None, None)
    return Tree(make_tree(depth - 1), make_tree(depth - 1))


def check_tree(tree: Tree) -> int:
    left, right = tree.left, tree.right
    if left is None or right is None:
        return 1
    return 1 + check_tree(left) + check_tree(right)


# The kernel heap's bytes held at the objects' peak, above its baseline.
heap_held_at_peak: u64 = u64(0)


def heap_held() -> u64:
    stats = heap.stats()
    return stats.heap_size - stats.bytes_free


def watch_heap(base: u64, seen: u64) -> u64:
    """Note the kernel heap's footprint when the objects' peak has risen
    past ``seen``; the peak now."""
    global heap_held_at_peak
    peak = obj_stats().peak
    if peak > seen:
        heap_held_at_peak = heap_held() - base
    return peak


def stretch(base: u64, seen: u64) -> int:
    """The stretch tree, one level deeper than the long-lived one."""
    tree = make_tree(TREE_DEPTH + 1)
    watch_heap(base, seen)
    return check_tree(tree)


def trees() -> None:
    """binary_trees' work, watching the peak after every tree is built."""
    obj_trim()
    obj_reset_peak()
    base = heap_held()
    seen = watch_heap(base, u64(0))
    nodes = i64(stretch(base, seen))  # the largest tree, dropped when it returns
    seen = obj_stats().peak
    long_lived = make_tree(TREE_DEPTH)
    for depth in range(TREE_MIN_DEPTH, TREE_DEPTH + 1, 2):
        for _ in range(1 << (TREE_DEPTH - depth + TREE_MIN_DEPTH)):
            tree = make_tree(depth)
            seen = watch_heap(base, seen)
            nodes += i64(check_tree(tree))
    nodes += i64(check_tree(long_lived))
    note(nodes)


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
    total = i64(0)
    for i in range(ROUNDS):
        start = rdtsc()
        total += i64(Small(i).value)
        cost += rdtsc() - start
    note(total)
    return cost // u64(ROUNDS)


def link_pair() -> u64:
    """Instructions to make and drop a ``Link`` (tracked by the collector)."""
    cost = u64(0)
    total = i64(0)
    for i in range(ROUNDS):
        start = rdtsc()
        total += i64(Link(i, None).value)
        cost += rdtsc() - start
    note(total)
    return cost // u64(ROUNDS)


def count_pair() -> u64:
    """Instructions to take a reference to an object and drop it again."""
    box = Box(Small(7))
    cost = u64(0)
    total = i64(0)
    for _ in range(ROUNDS):
        start = rdtsc()
        held = box.item
        total += i64(held.value)
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
    note(i64(len(items)))
    return cost // u64(APPENDS)


def lookup_cost() -> u64:
    """Instructions per ``table[key]`` of a short str key."""
    table = {"cpu": 1, "heap": 2, "irq": 3, "timer": 4, "serial": 5, "frames": 6,
             "paging": 7, "console": 8}
    key = "serial"
    cost = u64(0)
    total = i64(0)
    for _ in range(ROUNDS):
        start = rdtsc()
        total += i64(table[key])
        cost += rdtsc() - start
    note(total)
    return cost // u64(ROUNDS)


def note(result: i64) -> None:
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
    trees()
    stats = obj_stats()
    print(f"bench: op small object alloc+free {less(small, empty)}")
    print(f"bench: op tracked object alloc+free {less(link, empty)}")
    print(f"bench: op refcount increment+decrement {less(count, empty)}")
    print(f"bench: op list.append {less(append, empty)}")
    print(f"bench: op dict lookup, short str key {less(lookup, empty)}")
    # The checksums keep the work from being optimised away, and say that
    # it was done: CPython's results for the same loops.
    print(f"bench: op trees peak bytes {stats.peak}")
    print(f"bench: op trees efficiency permille {stats.peak * 1000 // stats.footprint_at_peak}")
    print(f"bench: op trees heap efficiency permille "
          f"{stats.peak * 1000 // heap_held_at_peak}")
    tree_nodes = (1 << (TREE_DEPTH + 2)) - 1 + (1 << (TREE_DEPTH + 1)) - 1
    for depth in range(TREE_MIN_DEPTH, TREE_DEPTH + 1, 2):
        tree_nodes += (1 << (TREE_DEPTH - depth + TREE_MIN_DEPTH)) * ((1 << (depth + 1)) - 1)
    expected = (2 * (ROUNDS * (ROUNDS - 1) // 2) + 7 * ROUNDS + APPENDS + 5 * ROUNDS
                + tree_nodes)
    print(f"bench: op checksum right {1 if checksum == expected else 0}")
