"""Inverting a dict; values that repeat keep the last key."""


def main() -> None:
    colour = {"apple": "red", "leaf": "green", "cherry": "red", "sky": "blue"}
    inv = {v: k for k, v in colour.items()}
    print(inv)
    groups: dict[str, list[str]] = {}
    for k, v in colour.items():
        if v not in groups:
            groups[v] = []
        groups[v].append(k)
    print(groups, len(groups["red"]))


if __name__ == "__main__":
    main()
