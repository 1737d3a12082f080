"""`object` values (issue 11): references held as `object` are counted
exactly: reassigned in loops, kept in fields and containers, shared
between names, and in a cycle the collector frees; every object is freed
when main returns (the leak check)."""

import gc


class Node:
    def __init__(self, name: str) -> None:
        self.name = name
        self.link: object = None

    def __repr__(self) -> str:
        return f"Node({self.name})"


def churn(n: int) -> object:
    last: object = None
    for i in range(n):
        if i % 4 == 0:
            last = i * 1000
        elif i % 4 == 1:
            last = f"s{i}"
        elif i % 4 == 2:
            last = [i, last]
        else:
            last = str(i).encode()
    return last


def main() -> None:
    print(churn(10), churn(11), churn(12), churn(13))
    a = Node("a")
    b = Node("b")
    a.link = b
    b.link = a  # a cycle through object fields
    print(a.link, b.link)
    shared: object = a
    box: list[object] = [shared, shared, a]
    print(box, box[0] is box[2])
    box.clear()
    a.link = 12345678
    b.link = "done"
    print(a.link, b.link)
    c = Node("c")
    c.link = c
    c = Node("d")
    print(gc.collect() >= 0)
    table: dict[str, object] = {}
    for i in range(20):
        if i % 2:
            table[str(i % 5)] = i
        else:
            table[str(i % 5)] = str(i)
    print(table)
    items: list[object] = []
    for i in range(50):
        items.append(i)
        items.append(str(i))
    print(len(items), items[-2:], items.count(7), items.index("9"))
    items.clear()
    print(items)


if __name__ == "__main__":
    main()
