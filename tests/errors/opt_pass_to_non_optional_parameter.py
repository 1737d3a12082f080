# error: 15:10: argument "n" to "show" has incompatible type "Node | None"; expected "Node"
class Node:
    def __init__(self, value: int) -> None:
        self.value = value


def show(n: Node) -> None:
    print(n.value)


def main() -> None:
    found: Node | None = None
    if len("x") > 0:
        found = Node(1)
    show(found)
