"""A doubly linked list is full of reference cycles; gc.collect() frees
it once it is unreachable."""
import gc


class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.prev: Node | None = None
        self.next: Node | None = None


def build(n: int) -> Node:
    head = Node(0)
    cur = head
    for i in range(1, n):
        nxt = Node(i)
        cur.next = nxt
        nxt.prev = cur
        cur = nxt
    return head


def walk() -> int:
    head = build(1000)
    tail = head
    while tail.next is not None:
        tail = tail.next
    total = 0
    node: Node | None = tail
    while node is not None:
        total += node.value
        node = node.prev
    return total


def main() -> None:
    for _ in range(3):
        print(walk())
        print(gc.collect() >= 0)


if __name__ == "__main__":
    main()
