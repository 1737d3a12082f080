# error: 10:5: item "None" of "Node | None" has no attribute "value": 'n.next' may be None
class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.next: Node | None = None


def main() -> None:
    n = Node(1)
    n.next.value = 2
