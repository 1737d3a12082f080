# error: 12:9: Node() takes 1 arguments but 2 were given
class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.next: Node | None = None

    def bump(self) -> None:
        self.value += 1


def main() -> None:
    n = Node(1, 2)
    print(n.value)


if __name__ == "__main__":
    main()
