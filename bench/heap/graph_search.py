"""Graph search: breadth-first search through random mazes, with the
grid's cells as `(x, y)` tuples in a `dict` of distances and a `set` of
walls, then Dijkstra's shortest paths over a random weighted graph stored
as a `dict[int, list[tuple[int, int]]]`, with a binary heap of our own
over a `list` of tuples.

Exercises: tuples as dict keys and set members (hashing and comparing
them), `in` on a set, `dict` insertion and lookup, a list used as a FIFO
queue, list `append`/`pop` and element swaps in the heap, tuple packing and
unpacking.  Allocation-heavy: every visited cell and every heap entry is a
new tuple.
"""

from typing import Final

MAZES: Final = 24
SIDE: Final = 160
NODES: Final = 8000
EDGES_PER_NODE: Final = 5
SOURCES: Final = 10


class Random:
    """Marsaglia's xorshift32."""

    def __init__(self, seed: int) -> None:
        self.state = seed & 0xFFFFFFFF

    def below(self, n: int) -> int:
        x = self.state
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        self.state = x
        return x % n


# ----- breadth-first search in a maze ----------------------------------------
def make_walls(rng: Random) -> set[tuple[int, int]]:
    walls: set[tuple[int, int]] = set()
    for y in range(SIDE):
        for x in range(SIDE):
            if rng.below(100) < 30:
                walls.add((x, y))
    walls.discard((SIDE // 2, SIDE // 2))
    return walls


def bfs(walls: set[tuple[int, int]], start: tuple[int, int]) -> dict[tuple[int, int], int]:
    """The distance, in steps, of every cell reachable from start."""
    dist = {start: 0}
    queue = [start]
    head = 0
    while head < len(queue):
        cell = queue[head]
        head += 1
        x, y = cell
        d = dist[cell] + 1
        for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
            if 0 <= nx < SIDE and 0 <= ny < SIDE:
                nxt = (nx, ny)
                if nxt not in walls and nxt not in dist:
                    dist[nxt] = d
                    queue.append(nxt)
    return dist


# ----- Dijkstra over a weighted graph --------------------------------------
def heap_push(heap: list[tuple[int, int]], item: tuple[int, int]) -> None:
    heap.append(item)
    i = len(heap) - 1
    while i > 0:
        parent = (i - 1) // 2
        if heap[parent] <= heap[i]:
            break
        heap[parent], heap[i] = heap[i], heap[parent]
        i = parent


def heap_pop(heap: list[tuple[int, int]]) -> tuple[int, int]:
    top = heap[0]
    last = heap.pop()
    if heap:
        heap[0] = last
        i = 0
        n = len(heap)
        while True:
            smallest = i
            for child in (2 * i + 1, 2 * i + 2):
                if child < n and heap[child] < heap[smallest]:
                    smallest = child
            if smallest == i:
                break
            heap[smallest], heap[i] = heap[i], heap[smallest]
            i = smallest
    return top


def make_graph(rng: Random) -> dict[int, list[tuple[int, int]]]:
    graph: dict[int, list[tuple[int, int]]] = {}
    for node in range(NODES):
        graph[node] = [(rng.below(NODES), 1 + rng.below(1000)) for _ in range(EDGES_PER_NODE)]
    return graph


def dijkstra(graph: dict[int, list[tuple[int, int]]], source: int) -> dict[int, int]:
    dist = {source: 0}
    done: set[int] = set()
    heap = [(0, source)]
    while heap:
        d, node = heap_pop(heap)
        if node in done:
            continue
        done.add(node)
        for target, weight in graph[node]:
            nd = d + weight
            if target not in dist or nd < dist[target]:
                dist[target] = nd
                heap_push(heap, (nd, target))
    return dist


def main() -> None:
    rng = Random(12345)
    checksum = 0
    for m in range(MAZES):
        walls = make_walls(rng)
        dist = bfs(walls, (SIDE // 2, SIDE // 2))
        far = max(dist.values())
        total = sum(dist.values())
        if m < 3:
            print(f"maze {m}: {len(walls)} walls, {len(dist)} cells reachable, "
                  f"farthest {far}, distance sum {total}")
        checksum = (checksum * 31 + len(dist) * 7 + far + total) & 0xFFFFFFFF
    graph = make_graph(rng)
    for s in range(SOURCES):
        dist2 = dijkstra(graph, s * 97)
        longest = max(dist2.values())
        if s < 3:
            print(f"dijkstra from {s * 97}: {len(dist2)} reached, longest {longest}, "
                  f"sum {sum(dist2.values())}")
        checksum = (checksum * 31 + sum(dist2.values()) + longest) & 0xFFFFFFFF
    print(f"checksum {checksum:08x}")


if __name__ == "__main__":
    main()
