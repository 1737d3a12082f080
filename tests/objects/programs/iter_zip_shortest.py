"""zip stops at its shortest iterable: the items the longer ones already
gave are released (strings built at run time, a dict, a set)."""


def main() -> None:
    names = {f"n{i}": i for i in range(5)}
    tags = {f"t{i}" for i in range(1)}
    for name, tag in zip(names, tags):
        print(name, tag)
    for n, (k, v) in enumerate(zip(names.keys(), names.values())):
        if n == 2:
            break
        print(n, k, v)
    print([a + b for a, b in zip(["x", "y", "z"], "pq")])


if __name__ == "__main__":
    main()
