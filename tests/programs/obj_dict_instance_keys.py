"""Instances as dict keys and set items: hashed and compared by identity
(the class defines no __eq__ or __hash__), so an equal-looking new
instance is a different key; the dict and set hold references that keep
their keys alive after the names go."""


class Node:
    def __init__(self, name: str) -> None:
        self.name = name


def build() -> dict[Node, int]:
    first = Node("first")
    return {first: 1, Node("second"): 2}


def main() -> None:
    n1 = Node("one")
    n2 = Node("two")
    seen: dict[Node, int] = {n1: 1}
    seen[n2] = 2
    print(seen[n1], seen[n2], n1 in seen, Node("one") in seen, len(seen))
    visited: set[Node] = {n2}
    visited.discard(n2)
    visited.add(n1)
    print(n1 in visited, n2 in visited, len(visited))
    for node, number in build().items():
        print(node.name, number)
    owners: dict[str, Node] = {"a": n1}
    owners["b"] = Node("fresh")
    for name in owners:
        print(name, owners[name].name)
    del owners["a"]
    print(len(owners), n1.name)


if __name__ == "__main__":
    main()
