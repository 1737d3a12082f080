"""Recursion of generators: an in-order and a level-labelled walk of a
binary search tree with yield from."""
from collections.abc import Iterator


class Node:
    def __init__(self, key: int) -> None:
        self.key = key
        self.left: Node | None = None
        self.right: Node | None = None


def insert(root: Node | None, key: int) -> Node:
    if root is None:
        return Node(key)
    if key < root.key:
        root.left = insert(root.left, key)
    else:
        root.right = insert(root.right, key)
    return root


def in_order(node: Node | None) -> Iterator[int]:
    if node is not None:
        yield from in_order(node.left)
        yield node.key
        yield from in_order(node.right)


def labelled(node: Node | None, depth: int) -> Iterator[str]:
    if node is None:
        return
    yield from labelled(node.left, depth + 1)
    yield "." * depth + str(node.key)
    yield from labelled(node.right, depth + 1)


def main() -> None:
    root: Node | None = None
    for key in [50, 30, 70, 20, 40, 60, 80, 35]:
        root = insert(root, key)
    print(list(in_order(root)))
    for line in labelled(root, 0):
        print(line)
    print(max(in_order(root)), 35 in in_order(root))


if __name__ == "__main__":
    main()
