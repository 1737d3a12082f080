"""Attributes declared with `self.x: T = value` in __init__."""


class Stack:
    def __init__(self) -> None:
        self.items: list[int] = []
        self.pushes: int = 0

    def push(self, x: int) -> None:
        self.items.append(x)
        self.pushes += 1

    def pop(self) -> int:
        return self.items.pop()

    def size(self) -> int:
        return len(self.items)


def main() -> None:
    s = Stack()
    for i in range(5):
        s.push(i * i)
    print(s.pop(), s.pop(), s.size(), s.pushes, s.items)


if __name__ == "__main__":
    main()
