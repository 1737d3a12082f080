# error: 15:15: item "None" of "Node | None" has no attribute "value": 'n' may be None h
class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.next: Node | None = None

    def bump(self) -> None:
        self.value += 1


def main() -> None:
    head = Node(1)
    n = head.next
    if n is not None or head.value > 0:
        print(n.value)


if __name__ == "__main__":
    main()
