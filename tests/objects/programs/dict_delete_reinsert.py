"""Deleting a key and inserting it again puts it at the end; assigning
an existing key keeps its place."""


def main() -> None:
    d = {"a": 1, "b": 2, "c": 3, "d": 4}
    del d["b"]
    print(d, list(d))
    d["b"] = 20
    print(d)
    d["a"] = 10
    print(d)
    d.pop("c")
    d["c"] = 30
    d["e"] = 5
    print(list(d.keys()), list(d.values()))
    for k in ["a", "b", "c", "d", "e"]:
        del d[k]
        d[k] = len(d)
    print(d)


if __name__ == "__main__":
    main()
