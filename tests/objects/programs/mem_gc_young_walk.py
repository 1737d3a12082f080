"""Shapes for the collector's walk that keeps live objects and sets the
rest aside (docs/objects.md, "Trial deletion"): automatic collections run
every few hundred allocations while each structure is built, so each is
examined young, half built, in the order the young list has (newest
first).

- a tree built from its leaves up (parents made after their children),
  which the walk meets root first;
- a chain built from its head on (each node made after the one that
  refers to it), which the walk meets tail first: every node is set
  aside, then rescued through the mark stack when the head is reached,
  50,000 deep;
- triples in which a set-aside object refers to one the walk has not
  reached yet, which must be kept when the walk gets there;
- cycles through all of these, dropped and collected, and small rings
  dropped while the others are built, which the automatic collections
  free.
"""

from __future__ import annotations

import gc


class Node:
    def __init__(self, value: int, left: Node | None, right: Node | None) -> None:
        self.value = value
        self.left = left
        self.right = right
        self.up: Node | None = None


def tree(depth: int, value: int) -> Node:
    if depth == 0:
        return Node(value, None, None)
    left = tree(depth - 1, 2 * value)
    right = tree(depth - 1, 2 * value + 1)
    return Node(value, left, right)


def total(node: Node | None) -> int:
    """The values of a tree, or of a chain through `right`, without recursion."""
    result = 0
    stack: list[Node] = []
    if node is not None:
        stack.append(node)
    while stack:
        n = stack.pop()
        result += n.value
        if n.left is not None:
            stack.append(n.left)
        if n.right is not None:
            stack.append(n.right)
    return result


def link_parents(node: Node) -> int:
    """Point every node's `up` at its parent (a cycle per edge); how many."""
    linked = 0
    stack = [node]
    while stack:
        n = stack.pop()
        for child in (n.left, n.right):
            if child is not None:
                child.up = n
                linked += 1
                stack.append(child)
    return linked


def chain(length: int) -> Node:
    """Head first: each node is made after the node that refers to it."""
    head = Node(0, None, None)
    tail = head
    for i in range(1, length):
        rings(i)
        node = Node(i, None, None)
        tail.right = node
        tail = node
    return head


def rings(i: int) -> None:
    """Every 7th call, a ring of three that nothing keeps."""
    if i % 7 == 0:
        a = Node(i, None, None)
        b = Node(i, a, None)
        a.left = Node(i, b, None)


def triples(count: int) -> list[Node]:
    """`z` made first, then `y`, then `x`; then y -> x -> z.  The walk
    meets x first (only y refers to it: set aside), then y (the list
    holds it: kept, and x rescued), then z (reached from x)."""
    kept: list[Node] = []
    for i in range(count):
        z = Node(3 * i, None, None)
        y = Node(3 * i + 1, None, None)
        x = Node(3 * i + 2, None, None)
        y.left = x
        x.left = z
        kept.append(y)
        rings(i)
    return kept


def build() -> None:
    root = tree(12, 1)
    print("tree", total(root))
    print("parents", link_parents(root))
    head = chain(50_000)
    print("chain", total(head))
    kept = triples(3_000)
    print("triples", sum(total(y) for y in kept))
    # Everything above has lived through young collections; check again.
    print("tree again", total(root), root.left is not None and root.left.up is root)
    print("chain again", total(head))
    # Leave each with cycles: the chain becomes a ring, the triples point
    # back at their holders, the tree has its parent links.
    tail = head
    while tail.right is not None:
        tail = tail.right
    tail.right = head
    for y in kept:
        left = y.left
        if left is not None and left.left is not None:
            left.left.up = y


def main() -> None:
    build()
    print("collected", gc.collect() > 0)
    print("again", gc.collect() >= 0)


if __name__ == "__main__":
    main()
