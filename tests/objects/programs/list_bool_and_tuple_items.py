"""Lists of bools and of tuples: truth, counting, unpacking in for."""


def main() -> None:
    flags = [True, False, True, True]
    print(flags.count(True), any(flags), all(flags), flags.index(False), flags.count(False))
    edges = [(1, 2), (2, 3), (3, 1)]
    for a, b in edges:
        print(f"{a}->{b}")
    edges.append((3, 4))
    print(edges[-1], (2, 3) in edges, edges.index((3, 1)))
    srcs = [a for a, _ in edges]
    print(srcs)


if __name__ == "__main__":
    main()
