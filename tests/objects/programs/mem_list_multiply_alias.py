"""`[[0] * 3] * 3` repeats one inner list three times; a comprehension
makes three."""


def main() -> None:
    grid = [[0] * 3] * 3
    grid[0][0] = 1
    grid[1][2] = 5
    print(grid, grid[0] is grid[2])
    fresh = [[0] * 3 for _ in range(3)]
    fresh[0][0] = 1
    print(fresh, fresh[0] is fresh[2])
    row = [7]
    rows = [row] * 2 + [row[:]]
    row.append(8)
    print(rows)


if __name__ == "__main__":
    main()
