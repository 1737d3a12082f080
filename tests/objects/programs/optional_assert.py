"""`assert x is not None` narrows what follows."""


class Tree:
    def __init__(self, key: int) -> None:
        self.key = key
        self.left: Tree | None = None
        self.right: Tree | None = None


def insert(root: Tree, key: int) -> None:
    if key < root.key:
        if root.left is None:
            root.left = Tree(key)
        else:
            insert(root.left, key)
    else:
        if root.right is None:
            root.right = Tree(key)
        else:
            insert(root.right, key)


def main() -> None:
    root = Tree(5)
    for k in [2, 8, 1, 9]:
        insert(root, k)
    left = root.left
    assert left is not None
    ll = left.left
    assert ll is not None
    print(left.key, ll.key)
    r = root.right
    assert r is not None and r.right is not None
    print(r.key, r.right.key, r.left is None)


if __name__ == "__main__":
    main()
