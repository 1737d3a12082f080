"""Writing list items that are objects, which the compiler does inline:
the list takes a reference to the new item and releases the one it
replaces (the leak check), with None, str, boxed `object` items, lists
of lists, swaps of tuples, and an index out of range."""


class Node:
    def __init__(self, v: int) -> None:
        self.v = v


def main() -> None:
    heap = [(3, 1), (1, 2), (2, 3)]
    heap[0], heap[1] = heap[1], heap[0]
    heap[-1] = (9, 9)
    print(heap)
    nodes: list[Node | None] = [Node(1), None, Node(3)]
    nodes[1] = Node(2)
    nodes[0] = None
    nodes[2] = nodes[1]
    print([n.v if n is not None else -1 for n in nodes])
    names = ["a", "b"]
    names[0] = names[1] + "x"
    names[1] = "c"
    print(names)
    objs: list[object] = [1, "s"]
    objs[0] = 5
    objs[1] = None
    print(objs)
    rows = [[1], [2]]
    rows[0] = rows[1]
    rows[1].append(3)
    print(rows)
    try:
        names[5] = "z"
    except IndexError as e:
        print("caught", e)


if __name__ == "__main__":
    main()
