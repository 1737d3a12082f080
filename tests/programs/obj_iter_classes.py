"""Iterator classes: __iter__ returning self or another iterator class,
__next__ ending with raise StopIteration (with or without the call), in
for loops, comprehensions, enumerate/zip, break, and iter()/next() by
hand; a StopIteration raised by next() at the top ends the program with
CPython's report."""
class Countdown:
    def __init__(self, start: int) -> None:
        self.n = start

    def __iter__(self) -> "Countdown":
        return self

    def __next__(self) -> int:
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


class Node:
    def __init__(self, label: str, nxt: "Node | None") -> None:
        self.label = label
        self.nxt = nxt


class Chain:
    def __init__(self, head: Node | None) -> None:
        self.at = head

    def __iter__(self) -> "Chain":
        return self

    def __next__(self) -> str:
        node = self.at
        if node is None:
            raise StopIteration()
        self.at = node.nxt
        return node.label + "!"


class Walk:
    def __init__(self, head: Node) -> None:
        self.head = head

    def __iter__(self) -> Chain:
        return Chain(self.head)


def main() -> None:
    for i in Countdown(3):
        print(i)
    w = Walk(Node("a", Node("b", Node("c", None))))
    for s in w:
        print(s)
    print([s + s for s in w], {len(s): s for s in w})
    for k, (x, y) in enumerate(zip(Countdown(5), w)):
        print(k, x, y)
    for x in Countdown(4):
        if x == 2:
            break
        print(x)
    it = iter(Countdown(2))
    print(next(it), it.__next__())
    c = iter(w)
    print(next(c))
    print(next(it))


if __name__ == "__main__":
    main()
