"""__contains__, __getitem__ and __setitem__ back `in` and indexing."""


class Grid:
    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.cells = [0] * (width * height)

    def __getitem__(self, pos: tuple[int, int]) -> int:
        return self.cells[pos[1] * self.width + pos[0]]

    def __setitem__(self, pos: tuple[int, int], value: int) -> None:
        self.cells[pos[1] * self.width + pos[0]] = value

    def __contains__(self, value: int) -> bool:
        return value in self.cells


def main() -> None:
    g = Grid(3, 2)
    g[(1, 1)] = 7
    g[(2, 0)] = 5
    print(g[(1, 1)], g[(2, 0)], g[(0, 0)])
    print(7 in g, 9 in g, 9 not in g)
    print(g.cells)


if __name__ == "__main__":
    main()
