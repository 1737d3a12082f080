"""`while node is not None:` narrows inside the loop."""


class Node:
    def __init__(self, value: int, next: "Node | None" = None) -> None:
        self.value = value
        self.next = next


def length(head: Node | None) -> int:
    n = 0
    while head is not None:
        n += 1
        head = head.next
    return n


def to_list(head: Node | None) -> list[int]:
    out: list[int] = []
    node = head
    while node is not None:
        out.append(node.value)
        node = node.next
    return out


def main() -> None:
    head: Node | None = None
    for v in [3, 1, 4, 1, 5]:
        head = Node(v, head)
    print(length(head), to_list(head), length(None), to_list(None))


if __name__ == "__main__":
    main()
