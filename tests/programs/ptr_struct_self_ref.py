from __future__ import annotations

from pythos.lang import struct, u32, i32, Array, Ptr, addr_of


@struct
class Node:
    key: i32
    left: Ptr[Node]
    right: Ptr[Node]

    def is_leaf(self) -> bool:
        return self.left.addr == 0 and self.right.addr == 0

    def bigger(self, other: Node) -> bool:
        return self.key > other.key


@struct
class Tree:
    root: Ptr[Node]
    size: u32


NODES = Array[Node, 32]()
allocated = 0


def new_node(key: i32) -> Ptr[Node]:
    global allocated
    p = addr_of(NODES) + allocated
    allocated += 1
    p[0].key = key
    return p


def insert(t: Tree, key: i32) -> None:
    n = new_node(key)
    t.size += 1
    if t.root.addr == 0:
        t.root = n
        return
    cur = t.root
    while True:
        if key < cur[0].key:
            if cur[0].left.addr == 0:
                cur[0].left = n
                return
            cur = cur[0].left
        else:
            if cur[0].right.addr == 0:
                cur[0].right = n
                return
            cur = cur[0].right


def inorder(p: Ptr[Node]) -> None:
    if p.addr == 0:
        return
    inorder(p[0].left)
    print("", p[0].key, end="")
    inorder(p[0].right)


def height(p: Ptr[Node]) -> int:
    if p.addr == 0:
        return 0
    hl = height(p[0].left)
    hr = height(p[0].right)
    return 1 + (hl if hl > hr else hr)


def count_leaves(p: Ptr[Node]) -> int:
    if p.addr == 0:
        return 0
    if p[0].is_leaf():
        return 1
    return count_leaves(p[0].left) + count_leaves(p[0].right)


def main() -> None:
    t = Tree()
    k = i32(37)
    for i in range(15):
        insert(t, k)
        k = (k * 17 + 11) % 101
    print("size", t.size, "allocated", allocated)
    print("inorder:", end="")
    inorder(t.root)
    print()
    print("height", height(t.root), "leaves", count_leaves(t.root))
    print("root key", t.root[0].key, "left", t.root[0].left[0].key, "right", t.root[0].right[0].key)
    print("bigger", NODES[0].bigger(NODES[1]), NODES[1].bigger(NODES[0]))
    # node addresses map back to pool slots
    r = t.root[0].right
    print("right child slot", (r.addr - addr_of(NODES).addr) // (addr_of(NODES[1]).addr - addr_of(NODES[0]).addr))
    # modifying through the pool is visible through tree pointers
    NODES[0].key = 1000
    print("root now", t.root[0].key)


if __name__ == "__main__":
    main()
