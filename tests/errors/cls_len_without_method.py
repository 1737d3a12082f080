# error: 12:15: argument 1 to "len" has incompatible type "Node" (it has no __len__)
class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.next: Node | None = None

    def bump(self) -> None:
        self.value += 1


def main() -> None:
    print(len(Node(1)))


if __name__ == "__main__":
    main()
