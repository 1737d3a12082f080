"""Comprehensions that build and filter instances."""


class Item:
    def __init__(self, name: str, weight: int) -> None:
        self.name = name
        self.weight = weight

    def __repr__(self) -> str:
        return f"{self.name}({self.weight})"


def main() -> None:
    items = [Item(n, len(n) * 3) for n in ["rope", "axe", "lamp", "map"]]
    heavy = [i for i in items if i.weight > 9]
    print(items, heavy, heavy[0] is items[0])
    index = {i.name: i for i in items}
    index["axe"].weight = 100
    print(items[1], sorted(index)[:2], max(items, key=lambda i: i.weight))


if __name__ == "__main__":
    main()
