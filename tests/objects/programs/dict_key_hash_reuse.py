"""One key looked up in several dicts and sets: the compiler hashes a
plain key (an integer, a bool, a str, a tuple of those) once while its
variable holds it (pythos/ir/passes/keyhash.py).  Each shape here must
still find what CPython finds: the key reassigned between lookups, on one
branch only, or in a loop; the tables changed between the lookups
(insertion, deletion and re-insertion, a resize, a clear); unequal keys
of equal hashes (hash(-1) == hash(-2), n and n + 2**61 - 1); negative and
wide slots; a value read from one dict used as the key of another; and
keys whose hash is user code (a class with __hash__ and __eq__, which
count their calls), whose calls must happen as often as in CPython."""


CALLS: list[int] = [0, 0]


class Cell:
    """Hashes by x only, so that cells of one column collide; counts its
    __hash__ and __eq__ calls."""

    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def __hash__(self) -> int:
        CALLS[0] += 1
        return self.x

    def __eq__(self, other: object) -> bool:
        CALLS[1] += 1
        return isinstance(other, Cell) and self.x == other.x and self.y == other.y


def maze_walk(side: int) -> None:
    """The graph_search shape: a set test, a dict test, then a store."""
    walls: set[tuple[int, int]] = set()
    for y in range(side):
        for x in range(side):
            if (x * 7 + y * 3) % 5 == 0:
                walls.add((x, y))
    walls.discard((0, 0))
    dist = {(0, 0): 0}
    queue = [(0, 0)]
    head = 0
    while head < len(queue):
        cell = queue[head]
        head += 1
        x, y = cell
        d = dist[cell] + 1
        for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
            if 0 <= nx < side and 0 <= ny < side:
                nxt = (nx, ny)
                if nxt not in walls and nxt not in dist:
                    dist[nxt] = d
                    queue.append(nxt)
    print("maze", side, len(walls), len(dist), max(dist.values()), sum(dist.values()))


def reassigned() -> None:
    d: dict[tuple[int, int], str] = {(1, 2): "a", (3, 4): "b"}
    s: set[tuple[int, int]] = {(1, 2)}
    k = (1, 2)
    print(k in s, k in d, d[k])
    k = (3, 4)  # a new key between two lookups
    print(k in s, k in d, d[k])
    for i in range(4):
        if i % 2 == 0:
            k = (i, i + 1)  # on one branch only
        print(i, k in s, k in d, d.get(k, "-"))
        d[k] = str(i)
        s.add(k)
        print(i, k in s, d[k], len(d), len(s))


def changed_between() -> None:
    d: dict[str, int] = {}
    s: set[str] = set()
    key = "k" + str(7)
    print(key in d, key in s)
    d[key] = 1
    s.add(key)
    print(key in d, key in s, d[key])
    del d[key]
    s.discard(key)
    print(key in d, key in s)
    d[key] = 2  # re-inserted after deletion
    s.add(key)
    print(key in d, key in s, d[key])
    for i in range(300):  # resizes between the lookups of key
        d["x" + str(i)] = i
        s.add("x" + str(i))
    print(key in d, key in s, d[key], len(d), len(s))
    d.clear()
    s.clear()
    print(key in d, key in s, len(d))
    d[key] = 3
    d[key] += 4
    print(d[key], d.get(key, 0) + 1)


def equal_hashes() -> None:
    big = 5 + (1 << 61) - 1
    d: dict[tuple[int, int], int] = {}
    s: set[int] = set()
    for k in ((-1, 0), (-2, 0), (5, 0), (big, 0), (0, -1), (0, -2)):
        print(k, hash(k) == hash((k[0], k[1])), k in d, k[0] in s)
        d[k] = len(d)
        s.add(k[0])
        print(k in d, d[k], k[0] in s)
    for n in (-1, -2, 5, big, 1 << 62, -(1 << 62)):
        print(n in s, n + 0 in s, (n, 0) in d)
        s.discard(n)
        print(n in s)
    flags: dict[bool, int] = {True: 1}
    b = 3 > 2
    print(b in flags, flags[b], (not b) in flags)


def nested_keys() -> None:
    d: dict[tuple[str, int], int] = {}
    s: set[tuple[str, int]] = set()
    for i in range(6):
        k = ("n" + str(i % 3), i % 2)
        print(k, k in s, k in d)
        if k not in d:
            d[k] = i
        s.add(k)
        print(d[k], len(d), len(s))


def chained() -> None:
    first: dict[int, int] = {i: i * i % 11 for i in range(20)}
    second: dict[int, int] = {}
    for i in range(20):
        v = first[i]  # a value read from one dict, the key of another
        if v in second:
            second[v] += 1
        else:
            second[v] = 1
    print(sorted(second.items()))


def user_hash() -> None:
    d: dict[Cell, int] = {}
    s: set[Cell] = set()
    for i in range(8):
        c = Cell(i % 3, i % 2)
        if c not in s and c not in d:
            d[c] = i
        s.add(c)
    c = Cell(1, 1)
    print(c in d, c in s, d[c], len(d), len(s))
    print("calls", CALLS[0], CALLS[1])


def main() -> None:
    maze_walk(12)
    maze_walk(40)
    reassigned()
    changed_between()
    equal_hashes()
    nested_keys()
    chained()
    user_hash()


if __name__ == "__main__":
    main()
