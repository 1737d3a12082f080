"""A list of lists built with a comprehension: each row its own list."""


def main() -> None:
    grid = [[0] * 4 for _ in range(3)]
    grid[0][1] = 5
    grid[2][3] = 7
    for row in grid:
        print(row)
    print(grid[1] is grid[2], [sum(r) for r in grid])
    transposed = [[grid[r][c] for r in range(3)] for c in range(4)]
    print(transposed)


if __name__ == "__main__":
    main()
