from __future__ import annotations

from typing import Callable, Optional

Point = tuple[int, int]
Path = list[Point]
Scorer = Callable[[Point], int]
MaybeName = Optional[str]


class Node:
    def __init__(self, at: Point, nxt: MaybeNode = None) -> None:
        self.at = at
        self.nxt = nxt


MaybeNode = Node | None


def length(p: Path) -> int:
    return sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in zip(p, p[1:]))
