"""Optional narrowing around loops: a variable assigned in a loop body is
Optional again after the loop (the body may not run), and `while x is
not None` narrows inside and widens after."""


class Node:
    def __init__(self, value: int, next: "Node | None") -> None:
        self.value = value
        self.next = next


def build(n: int) -> Node | None:
    head: Node | None = None
    for i in range(n):
        head = Node(i, head)
    return head


def count(n: int) -> int:
    head: Node | None = None
    for i in range(n):
        head = Node(i * 2, head)
    node = head
    c = 0
    while node is not None:
        c += node.value
        node = node.next
    return c


def last_value(head: Node | None) -> int:
    if head is None:
        return -1
    node = head
    while node.next is not None:
        node = node.next
    return node.value


def main() -> None:
    print(count(0), count(1), count(10))
    print(last_value(build(0)), last_value(build(1)), last_value(build(7)))
    node = build(3)
    for _ in range(5):
        if node is not None:
            node = node.next
    print(node is None)


if __name__ == "__main__":
    main()
