"""A set of tuples: visited cells of a flood fill."""


def flood(grid: list[str], r: int, c: int) -> set[tuple[int, int]]:
    seen: set[tuple[int, int]] = set()
    todo = [(r, c)]
    while todo:
        y, x = todo.pop()
        if (y, x) in seen or not (0 <= y < len(grid) and 0 <= x < len(grid[y])):
            continue
        if grid[y][x] != ".":
            continue
        seen.add((y, x))
        todo.extend([(y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)])
    return seen


def main() -> None:
    grid = ["..#..", ".##..", "#...#", "....."]
    area = flood(grid, 0, 0)
    print(len(area), sorted(area))
    print(len(flood(grid, 0, 3)), len(flood(grid, 0, 2)))


if __name__ == "__main__":
    main()
