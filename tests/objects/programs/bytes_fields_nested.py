"""bytes items deeper in objects: a field holding a list[bytes] and a dict
keyed by bytes, tuples returned and unpacked, nested lists, list methods
that take a bytes item (count, remove, insert, setdefault)."""


class Packet:
    def __init__(self, parts: list[bytes]) -> None:
        self.parts = parts
        self.index: dict[bytes, int] = {p: i for i, p in enumerate(parts)}


def pieces(data: bytes) -> tuple[bytes, bytes]:
    head, _, tail = (data[:2], b"", data[2:])
    return head, tail


def main() -> None:
    pk = Packet(b"GET /x HTTP".split())
    pk.parts.append("ü".encode())
    print(pk.parts, pk.index, sorted(pk.index.values()))
    for k, v in pk.index.items():
        print(k, v, k in pk.parts)
    h, t = pieces(b"abcdef")
    print(h, t)
    s = {b"b", b"a"}
    for x in sorted(s):
        print(x)
    grid = [[b"a", b"b"], [b"c"]]
    print(grid, [len(r) for r in grid], grid[0][1])
    d: dict[str, list[bytes]] = {}
    d.setdefault("k", []).append(b"v")
    print(d)
    xs = [b"q"] * 3
    print(xs, xs.count(b"q"), b"q" * 2 in xs)
    xs.remove(b"q")
    xs.insert(0, b"z")
    print(xs, xs == [b"z", b"q", b"q"], [b for b in xs if b != b"q"])


if __name__ == "__main__":
    main()
