"""Reference cycles: a doubly linked list, a tree with parent pointers and
many small two-object cycles made in a loop.  Counting alone cannot free
them; the cycle collector (run by allocation and, at the end, by the leak
check) must, and the clear of a class it calls must leave the fields
safe to clear again."""


class DNode:
    def __init__(self, value: int) -> None:
        self.value = value
        self.prev: DNode | None = None
        self.next: DNode | None = None


class TreeNode:
    def __init__(self, key: int, parent: "TreeNode | None") -> None:
        self.key = key
        self.parent = parent
        self.left: TreeNode | None = None
        self.right: TreeNode | None = None


def build_ring(n: int) -> int:
    head = DNode(0)
    tail = head
    for i in range(1, n):
        node = DNode(i)
        node.prev = tail
        tail.next = node
        tail = node
    tail.next = head
    head.prev = tail
    total = 0
    node2: DNode | None = head.prev
    steps = 0
    while node2 is not None and steps < n:
        total += node2.value
        node2 = node2.prev
        steps += 1
    return total


def depth_sum(t: TreeNode | None) -> int:
    if t is None:
        return 0
    d = 0
    up = t.parent
    while up is not None:
        d += 1
        up = up.parent
    return d + depth_sum(t.left) + depth_sum(t.right)


def build_tree(keys: int) -> TreeNode:
    root = TreeNode(keys // 2, None)
    for k in range(keys):
        node = root
        while True:
            if k < node.key:
                if node.left is None:
                    node.left = TreeNode(k, node)
                    break
                node = node.left
            elif k > node.key:
                if node.right is None:
                    node.right = TreeNode(k, node)
                    break
                node = node.right
            else:
                break
    return root


def main() -> None:
    print(build_ring(1), build_ring(2), build_ring(10), build_ring(1000))
    print(depth_sum(build_tree(15)), depth_sum(build_tree(100)))
    made = 0
    for i in range(50000):
        a = DNode(i)
        b = DNode(-i)
        a.next = b
        b.next = a
        if a.next.next is a:
            made += 1
    print(made)


if __name__ == "__main__":
    main()
