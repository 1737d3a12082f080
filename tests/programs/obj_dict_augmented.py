"""Augmented assignment through a dict: `d[k] += n` on int and str values,
on a local dict and on one held in an instance's field."""


class Inventory:
    def __init__(self) -> None:
        self.items: dict[str, int] = {}

    def add(self, name: str, n: int) -> None:
        if name in self.items:
            self.items[name] += n
        else:
            self.items[name] = n


def main() -> None:
    d = {"a": 1}
    d["a"] += 5
    d["a"] *= 2
    inv = Inventory()
    inv.add("x", 2)
    inv.add("x", 3)
    inv.add("y", 1)
    print(d, inv.items)
    words = "a b a c b a"
    counts: dict[str, int] = {}
    for w in words:
        if w != " ":
            counts[w] = counts.get(w, 0) + 1
    print(counts)
    labels: dict[int, str] = {1: "x"}
    labels[1] += "yz"
    labels[1] *= 2
    print(labels, labels[1])


if __name__ == "__main__":
    main()
