"""Operations on containers of containers: membership, index, count,
ordering and sort of lists of lists, set algebra on tuples, pop, copy and
setdefault of a dict of lists (aliasing through the copy), and print()
taking each argument's text after evaluating them all."""


def main() -> None:
    xs: list[list[int]] = [[3, 1], [2], []]
    print([2] in xs, xs.index([]), xs.count([2]), xs < [[3, 2]], xs == [[3, 1], [2], []])
    xs.sort()
    print(xs)
    pts: set[tuple[int, int]] = {(1, 2), (3, 4)}
    other: set[tuple[int, int]] = {(3, 4), (5, 6)}
    print(len(pts | other), pts & other, (1, 2) in pts - other)
    d: dict[str, list[str]] = {"a": ["x"], "b": []}
    popped = d.pop("a")
    print(popped, d, d.setdefault("c", ["y"]), d)
    d2 = d.copy()
    d2["b"].append("shared")
    print(d, d2, d == d2)
    nested: dict[tuple[int, int], list[tuple[str, int]]] = {(0, 0): [("a", 1)]}
    nested[(0, 0)].append(("b", 2))
    print(nested, nested[(0, 0)][1][0])
    opts: list[str | None] = ["a", None]
    opts.remove(None)
    print(opts, opts.index("a"), None in opts)
    grid = [[0] * 3] * 2
    grid[0][1] = 5
    print(grid)


if __name__ == "__main__":
    main()
