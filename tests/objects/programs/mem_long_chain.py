"""A million-node linked list freed when its head is dropped: the
release must not recurse once per node."""


class Node:
    def __init__(self, value: int, next: "Node | None") -> None:
        self.value = value
        self.next = next


def build(n: int) -> Node | None:
    head: Node | None = None
    for i in range(n):
        head = Node(i, head)
    return head


def main() -> None:
    head = build(1000000)
    print(head.value if head is not None else -1)
    head = None
    print("freed")
    again = build(10)
    n = 0
    while again is not None:
        n += again.value
        again = again.next
    print(n)


if __name__ == "__main__":
    main()
