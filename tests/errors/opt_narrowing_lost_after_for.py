# error: 17:11: item "None" of "Node | None" has no attribute "value"
class Node:
    def __init__(self, value: int) -> None:
        self.value = value


def first(nodes: int) -> Node | None:
    return Node(nodes) if nodes else None


def main() -> None:
    node = first(0)
    for i in range(3):
        if node is None:
            return
        print(i)
    print(node.value)


if __name__ == "__main__":
    main()
