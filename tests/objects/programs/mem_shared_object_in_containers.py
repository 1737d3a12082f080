"""One object in a list, a dict and a set at once, changed through each."""


class Node:
    def __init__(self, name: str) -> None:
        self.name = name
        self.hits = 0

    def __repr__(self) -> str:
        return f"{self.name}/{self.hits}"


def main() -> None:
    n = Node("x")
    lst = [n, n]
    d = {"k": n}
    s = {n}
    lst[0].hits += 1
    d["k"].hits += 1
    for m in s:
        m.hits += 1
    print(n, lst, d, len(s), lst[1] is d["k"])


if __name__ == "__main__":
    main()
