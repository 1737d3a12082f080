"""Containers of containers, of tuples and of objects: dicts of lists,
tuple keys, sets of tuples, lists of lists of optional strs, their text,
equality and counts."""


class Node:
    def __init__(self, name: str) -> None:
        self.name = name
        self.edges: list[str] = []

    def __repr__(self) -> str:
        return "Node(" + repr(self.name) + f", {self.edges})"


def main() -> None:
    groups: dict[str, list[str]] = {}
    for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
        key = word[0]
        if key not in groups:
            groups[key] = []
        groups[key].append(word)
    print(groups, len(groups["b"]), groups.get("z"))
    counts: dict[str, list[int]] = {"a": [1, 2], "b": []}
    counts["b"].append(7)
    alias = counts["a"]
    alias.append(3)
    print(counts, counts == {"a": [1, 2, 3], "b": [7]}, "a" in counts)
    del counts["a"]
    print(counts, alias)
    grid: dict[tuple[int, int], str] = {(0, 0): "start", (1, 2): "mid"}
    grid[(2, 2)] = "end"
    print(grid, grid[(1, 2)], (5, 5) in grid, grid.get((0, 0)))
    seen: set[tuple[int, int]] = {(0, 0)}
    for p in [(1, 2), (3, 4), (1, 2), (0, 0)]:
        seen.add(p)
    print(len(seen), (3, 4) in seen, (4, 3) in seen)
    single: dict[str, tuple[int]] = {"one": (1,), "two": (2,)}
    print(single, single["two"][0])
    table: list[list[str | None]] = [["a", None], [], [None]]
    table[1].append("x")
    table.append(["it's"])
    print(table, table[0][1] is None, str(table) == repr(table))
    nodes: dict[str, Node] = {}
    for name in ["n1", "n2"]:
        nodes[name] = Node(name)
    nodes["n1"].edges.append("n2")
    shared = nodes["n2"]
    lst = [shared, shared]
    print(nodes, lst)
    pairs: dict[str, dict[str, int]] = {"x": {"y": 1}}
    pairs["x"]["z"] = 2
    pairs["w"] = {}
    print(pairs, pairs["x"]["z"])
    maybe: dict[str, list[str] | None] = {"a": ["b"], "c": None}
    for k, v in maybe.items():
        print(k, v, v is None)


if __name__ == "__main__":
    main()
