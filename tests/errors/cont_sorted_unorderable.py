# error: 13:11: values of type "Node" cannot be ordered (no '<' between them), so they c
class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.next: Node | None = None

    def bump(self) -> None:
        self.value += 1


def main() -> None:
    nodes = [Node(2), Node(1)]
    print(sorted(nodes))


if __name__ == "__main__":
    main()
