# error: 13:11: "Node" has no attribute "weight"
class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.next: Node | None = None

    def bump(self) -> None:
        self.value += 1


def main() -> None:
    n = Node(1)
    print(n.weight)


if __name__ == "__main__":
    main()
