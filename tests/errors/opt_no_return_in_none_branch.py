# error: 14:11: item "None" of "Node | None" has no attribute "value": 'n' may be None h
class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.next: Node | None = None

    def bump(self) -> None:
        self.value += 1


def show(n: Node | None) -> None:
    if n is None:
        print("none")
    print(n.value)


def main() -> None:
    show(Node(1))


if __name__ == "__main__":
    main()
