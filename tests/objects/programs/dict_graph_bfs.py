"""Breadth-first search over an adjacency dict, with a set of seen nodes."""


def bfs(graph: dict[str, list[str]], start: str) -> dict[str, int]:
    dist = {start: 0}
    frontier = [start]
    while frontier:
        nxt: list[str] = []
        for node in frontier:
            for n in graph.get(node, []):
                if n not in dist:
                    dist[n] = dist[node] + 1
                    nxt.append(n)
        frontier = nxt
    return dist


def main() -> None:
    g: dict[str, list[str]] = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
    print(bfs(g, "a"))
    print(bfs(g, "e"), bfs(g, "zz"))


if __name__ == "__main__":
    main()
