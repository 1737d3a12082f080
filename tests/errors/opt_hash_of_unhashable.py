# error: 12:17: unhashable type "Cell" as a dict key or set element: dataclass Cell is not frozen
from dataclasses import dataclass


@dataclass
class Cell:
    row: int
    col: int


def key(c: Cell) -> int:
    return hash(c)


def main() -> None:
    print(key(Cell(1, 2)))


if __name__ == "__main__":
    main()
