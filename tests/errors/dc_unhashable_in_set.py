# error: 12:13: unhashable type "Cell" as a dict key or set element: dataclass Cell is not
from dataclasses import dataclass


@dataclass
class Cell:
    row: int
    col: int


def main() -> None:
    cells = {Cell(0, 0), Cell(0, 1)}
    print(len(cells))
