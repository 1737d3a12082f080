# error: 20:15: item "None" of "Node | None" has no attribute "value": 'found' may be No
class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.next: Node | None = None

    def bump(self) -> None:
        self.value += 1


def find(head: Node, value: int) -> Node | None:
    return head if head.value == value else None


def main() -> None:
    head = Node(1)
    found = find(head, 1)
    if found is not None:
        found = find(head, 2)
        print(found.value)


if __name__ == "__main__":
    main()
