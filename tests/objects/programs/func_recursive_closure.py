"""A nested function that calls itself recursively and closes over a
dict for memoisation."""


def count_paths(w: int, h: int) -> int:
    memo: dict[tuple[int, int], int] = {}

    def paths(x: int, y: int) -> int:
        if x == 0 or y == 0:
            return 1
        if (x, y) not in memo:
            memo[(x, y)] = paths(x - 1, y) + paths(x, y - 1)
        return memo[(x, y)]

    return paths(w, h)


def main() -> None:
    print(count_paths(2, 2), count_paths(10, 10), count_paths(16, 16))


if __name__ == "__main__":
    main()
