"""A graph of nodes with neighbour lists (cycles everywhere), searched,
then dropped and collected."""
import gc


class Vertex:
    def __init__(self, name: str) -> None:
        self.name = name
        self.edges: list[Vertex] = []


def reachable(start: Vertex) -> list[str]:
    seen = {start.name}
    stack = [start]
    while stack:
        v = stack.pop()
        for w in v.edges:
            if w.name not in seen:
                seen.add(w.name)
                stack.append(w)
    return sorted(seen)


def main() -> None:
    vs = {n: Vertex(n) for n in "abcdef"}
    for a, b in [("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("e", "d"), ("c", "f")]:
        vs[a].edges.append(vs[b])
    print(reachable(vs["a"]), reachable(vs["d"]))
    vs.clear()
    print(gc.collect() >= 0)


if __name__ == "__main__":
    main()
