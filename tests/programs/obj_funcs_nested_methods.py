"""Closures in methods: a recursive nested function that captures self, a
parameter and a nonlocal accumulator; lambdas made in a loop by a nested
factory; nonlocal bools and counters."""
from collections.abc import Callable


class Tree:
    def __init__(self, value: int, kids: list["Tree"]) -> None:
        self.value = value
        self.kids = kids

    def total(self, scale: int) -> int:
        acc = 0

        def walk(t: Tree, depth: int) -> None:
            nonlocal acc
            acc += t.value * scale + depth + self.value
            for k in t.kids:
                walk(k, depth + 1)

        walk(self, 0)
        return acc

    def adders(self) -> list[Callable[[int], int]]:
        out: list[Callable[[int], int]] = []
        for k in self.kids:
            def make(node: Tree) -> Callable[[int], int]:
                return lambda x: x + node.value + self.value
            out.append(make(k))
        return out


def main() -> None:
    t = Tree(1, [Tree(2, []), Tree(3, [Tree(4, [])])])
    print(t.total(10), [f(100) for f in t.adders()])
    flag = True
    count = 0

    def toggle() -> bool:
        nonlocal flag, count
        flag = not flag
        count += 1
        return flag

    print(toggle(), toggle(), flag, count)


if __name__ == "__main__":
    main()
