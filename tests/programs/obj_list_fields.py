from dataclasses import dataclass


class Stack:
    def __init__(self) -> None:
        self.items: list[int] = []

    def push(self, x: int) -> None:
        self.items.append(x)


@dataclass
class Bag:
    things: list[str]


def main() -> None:
    counts = [0] * 3
    counts[1] += 5
    counts[-1] -= 2
    print(counts)
    s = Stack()
    s.push(3)
    s.items += [4]
    print(s.items, len(s.items))
    flags = [True, False]
    flags[1] = not flags[0]
    print(flags, flags[1])
    b = Bag(["x"])
    b.things.append("y")
    print(b.things)
    maybe: list[Stack | None] = [None, s]
    print(maybe[0] is None, len(maybe))


if __name__ == "__main__":
    main()
