"""A variable rebound to a new list each iteration: the old one is freed,
while an alias taken earlier keeps its object."""


def main() -> None:
    cur = [0]
    first = cur
    for i in range(1, 6):
        cur = cur + [i]
    print(cur, first, cur is first)
    keep: list[list[int]] = []
    grid = [0, 0]
    for i in range(3):
        grid = [g + i for g in grid]
        keep.append(grid)
    print(keep)


if __name__ == "__main__":
    main()
