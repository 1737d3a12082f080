"""None and Optional: narrowing by `is None`, `is not None`, assert,
early return, continue, `and`, while loops over a linked list."""
from typing import Optional


class Node:
    def __init__(self, value: int, next: "Node | None" = None) -> None:
        self.value = value
        self.next = next


def length(head: Node | None) -> int:
    n = 0
    node = head
    while node is not None:
        n += 1
        node = node.next
    return n


def second(head: Optional[Node]) -> int:
    if head is None:
        return -1
    nxt = head.next
    assert nxt is not None
    return nxt.value


def first_positive(nodes: list[Node | None]) -> int:
    for n in nodes:
        if n is None:
            continue
        if n.value > 0 and n.next is not None and n.next.value > 0:
            return n.value
    return 0


def find(head: Node | None, value: int) -> Node | None:
    while head is not None:
        if head.value == value:
            return head
        head = head.next
    return None


def main() -> None:
    head = Node(1, Node(2, Node(3)))
    print(length(head), second(head), first_positive([None, head]))
    found = find(head, 2)
    if found:
        print(found.value)
    missing = find(head, 9)
    print(missing is None)
    value = found.value if found is not None else 0
    print(value)


if __name__ == "__main__":
    main()
