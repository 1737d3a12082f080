"""A frozen dataclass is hashable: usable as a dict key and set element."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    row: int
    col: int


def neighbours(c: Cell) -> list[Cell]:
    return [Cell(c.row + dr, c.col + dc) for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0))]


def main() -> None:
    live = {Cell(0, 0), Cell(0, 1), Cell(0, 0)}
    print(len(live), Cell(0, 1) in live)
    counts: dict[Cell, int] = {}
    for c in [Cell(0, 0), Cell(0, 1)]:
        for n in neighbours(c):
            counts[n] = counts.get(n, 0) + 1
    print(counts[Cell(0, 1)], counts[Cell(1, 0)], len(counts))
    print(Cell(2, 3), Cell(2, 3) == Cell(2, 3))


if __name__ == "__main__":
    main()
