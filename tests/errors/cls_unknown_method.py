# error: 13:11: "Stack" has no attribute "peek"
class Stack:
    def __init__(self) -> None:
        self.items: list[int] = []

    def push(self, x: int) -> None:
        self.items.append(x)


def main() -> None:
    s = Stack()
    s.push(1)
    print(s.peek())
