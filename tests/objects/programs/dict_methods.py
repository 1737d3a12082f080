"""setdefault, pop, update, items, keys, values, copy, clear."""


def main() -> None:
    d = {"x": 1}
    print(d.setdefault("x", 5), d.setdefault("y", 7), d)
    print(d.pop("x"), d)
    d.update({"z": 3, "y": 8})
    print(d, list(d.items()), list(d.keys()), list(d.values()))
    e = d.copy()
    e["w"] = 0
    print(len(d), len(e))
    d.clear()
    print(d, e)


if __name__ == "__main__":
    main()
