# error: 11:22: a mutable default (an instance of Node) is created once and shared by ev
class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.next: Node | None = None

    def bump(self) -> None:
        self.value += 1


def append(n: Node = Node(0)) -> None:
    n.bump()


def main() -> None:
    append()


if __name__ == "__main__":
    main()
