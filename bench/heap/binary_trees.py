"""Binary trees, after the Computer Language Benchmarks Game's program of
that name: build complete binary trees of small objects, walk them, drop
them, at several depths, while one long-lived tree stays alive throughout.

Exercises: allocation and release of millions of two-field instances
(`Node`, children `Node | None`), recursion, `is None` tests.  Under
reference counting every dropped tree is torn down node by node, so this
measures the allocator and the count updates more than anything else.
Allocation-heavy.
"""

from __future__ import annotations

from typing import Final

MIN_DEPTH: Final = 4
MAX_DEPTH: Final = 14


class Node:
    def __init__(self, left: Node | None, right: Node | None) -> None:
        self.left = left
        self.right = right


def make(depth: int) -> Node:
    if depth == 0:
        return Node(None, None)
    return Node(make(depth - 1), make(depth - 1))


def check(node: Node) -> int:
    """The number of nodes in the tree (every inner node has two children)."""
    left, right = node.left, node.right
    if left is None or right is None:
        return 1
    return 1 + check(left) + check(right)


def main() -> None:
    stretch = MAX_DEPTH + 1
    print(f"stretch tree of depth {stretch}\t check: {check(make(stretch))}")
    long_lived = make(MAX_DEPTH)
    total = 0
    for depth in range(MIN_DEPTH, MAX_DEPTH + 1, 2):
        iterations = 1 << (MAX_DEPTH - depth + MIN_DEPTH)
        nodes = 0
        for _ in range(iterations):
            nodes += check(make(depth))
        print(f"{iterations}\t trees of depth {depth}\t check: {nodes}")
        total += nodes
    print(f"long lived tree of depth {MAX_DEPTH}\t check: {check(long_lived)}")
    print(f"checksum {total}")


if __name__ == "__main__":
    main()
