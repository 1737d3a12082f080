from __future__ import annotations

from lib_shapes import MaybeName, MaybeNode, Node, Path, Point, Scorer, length

Table = dict[str, list[int]]
IntOrNone = int | None


def best(p: Path, score: Scorer) -> Point:
    return max(p, key=score)


def walk(n: MaybeNode) -> list[Point]:
    out: list[Point] = []
    while n is not None:
        out.append(n.at)
        n = n.nxt
    return out


def main() -> None:
    p: Path = [(0, 0), (3, 4), (1, 1)]
    print(length(p), best(p, lambda q: q[0] * q[1]))
    t: Table = {"a": [1, 2]}
    t["b"] = [3]
    print(t, sorted(t.items()))
    name: MaybeName = None
    x: IntOrNone = 5
    print(name, x, walk(Node((1, 2), Node((3, 4)))))


if __name__ == "__main__":
    main()
