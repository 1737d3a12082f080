"""An iterator class walking a linked list of nodes: __iter__ returns a
separate cursor object, so two loops over the same list run nested."""


class Node:
    def __init__(self, value: int, nxt: "Node | None") -> None:
        self.value = value
        self.nxt = nxt


class Cursor:
    def __init__(self, at: Node | None) -> None:
        self.at = at

    def __iter__(self) -> "Cursor":
        return self

    def __next__(self) -> int:
        node = self.at
        if node is None:
            raise StopIteration()
        self.at = node.nxt
        return node.value


class Chain:
    def __init__(self) -> None:
        self.head: Node | None = None

    def push(self, value: int) -> None:
        self.head = Node(value, self.head)

    def __iter__(self) -> Cursor:
        return Cursor(self.head)


def main() -> None:
    c = Chain()
    for v in (3, 1, 2):
        c.push(v)
    for a in c:
        print(a, [a * b for b in c])
    print({a: b for a, b in zip(c, Cursor(c.head))}, [n for n, _ in enumerate(c)])


if __name__ == "__main__":
    main()
