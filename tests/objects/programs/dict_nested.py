"""A dict of dicts and a dict of lists, grouped with setdefault."""


def main() -> None:
    rows = [("fruit", "apple"), ("veg", "leek"), ("fruit", "fig"), ("nut", "pecan"), ("veg", "kale")]
    groups: dict[str, list[str]] = {}
    for kind, name in rows:
        groups.setdefault(kind, []).append(name)
    print(groups)
    index: dict[str, dict[str, int]] = {}
    for kind, name in rows:
        index.setdefault(kind, {})[name] = len(name)
    print(index, index["veg"]["kale"])


if __name__ == "__main__":
    main()
