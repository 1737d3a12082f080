# error: 13:5: item "None" of "Node | None" has no attribute "bump": 'head.next' may be
class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.next: Node | None = None

    def bump(self) -> None:
        self.value += 1


def main() -> None:
    head = Node(1)
    head.next.bump()


if __name__ == "__main__":
    main()
