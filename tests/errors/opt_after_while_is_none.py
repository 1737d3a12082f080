# error: 15:11: 'node' is None here, which has no attribute 'value'
class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.next: Node | None = None

    def bump(self) -> None:
        self.value += 1


def main() -> None:
    node: Node | None = Node(1)
    while node is not None:
        node = node.next
    print(node.value)


if __name__ == "__main__":
    main()
