# error: 12:12: item "None" of "Node | None" has no attribute "value": 'n' may be None h
class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.next: Node | None = None

    def bump(self) -> None:
        self.value += 1


def value_of(n: Node | None) -> int:
    return n.value


def main() -> None:
    print(value_of(Node(1)))


if __name__ == "__main__":
    main()
