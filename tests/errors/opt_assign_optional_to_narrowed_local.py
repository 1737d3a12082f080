# error: 14:16: 'node' has type Node, cannot assign Node | None
class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.next: Node | None = None


def main() -> None:
    head: Node | None = Node(1)
    head.next = Node(2)
    node = head
    for _ in range(2):
        print(node.value)
        node = node.next
