# error: 12:12: item "None" of "Node | None" has no attribute "value": 'node' may be None here; test 'node is not None' first
# A for loop over objects may run its body no time at all, so what its
# body narrows does not hold after it (an empty list would crash here).
class Node:
    def __init__(self, value: int) -> None:
        self.value = value


def last_value(items: list[int], node: Node | None) -> int:
    for item in items:
        assert node is not None
    return node.value


def main() -> None:
    print(last_value([1], Node(2)))
