"""Connected components with sets, merged by union."""


def components(edges: list[tuple[int, int]], n: int) -> list[list[int]]:
    comp = [{i} for i in range(n)]
    owner = list(range(n))
    for a, b in edges:
        ca, cb = owner[a], owner[b]
        if ca == cb:
            continue
        comp[ca] |= comp[cb]
        for v in comp[cb]:
            owner[v] = ca
        comp[cb] = set()
    return sorted(sorted(c) for c in comp if c)


def main() -> None:
    print(components([(0, 1), (2, 3), (1, 4), (5, 5)], 7))
    print(components([], 3))


if __name__ == "__main__":
    main()
