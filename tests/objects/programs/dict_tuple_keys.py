"""Tuple keys: a sparse grid and memoised binomials."""


def binom(n: int, k: int, memo: dict[tuple[int, int], int]) -> int:
    if k == 0 or k == n:
        return 1
    key = (n, k)
    if key in memo:
        return memo[key]
    v = binom(n - 1, k - 1, memo) + binom(n - 1, k, memo)
    memo[key] = v
    return v


def main() -> None:
    grid: dict[tuple[int, int], str] = {}
    grid[(0, 0)] = "#"
    grid[(2, -1)] = "@"
    print(grid, grid.get((1, 1), "."), (2, -1) in grid)
    memo: dict[tuple[int, int], int] = {}
    print(binom(30, 15, memo), len(memo))


if __name__ == "__main__":
    main()
