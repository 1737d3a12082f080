"""Objects in a list are shared with whoever else refers to them."""


class Cell:
    def __init__(self, v: int) -> None:
        self.v = v

    def __repr__(self) -> str:
        return f"C{self.v}"


def main() -> None:
    a = Cell(1)
    cells = [a, Cell(2), a]
    cells[0].v = 10
    print(cells, a)
    copy = cells.copy()
    copy[1].v = 20
    copy[1] = Cell(99)
    print(cells, copy)
    print(cells[0] is cells[2], copy[0] is a)


if __name__ == "__main__":
    main()
