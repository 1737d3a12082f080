"""Attribute paths narrow: `if self.head is not None: self.head.value`."""


class Node:
    def __init__(self, value: str) -> None:
        self.value = value
        self.next: Node | None = None


class Queue:
    def __init__(self) -> None:
        self.head: Node | None = None
        self.tail: Node | None = None

    def push(self, v: str) -> None:
        n = Node(v)
        if self.tail is not None:
            self.tail.next = n
        else:
            self.head = n
        self.tail = n

    def pop(self) -> str:
        if self.head is None:
            return "<empty>"
        v = self.head.value
        self.head = self.head.next
        if self.head is None:
            self.tail = None
        return v


def main() -> None:
    q = Queue()
    for w in ["x", "y", "z"]:
        q.push(w)
    print(q.pop(), q.pop())
    q.push("w")
    print(q.pop(), q.pop(), q.pop())


if __name__ == "__main__":
    main()
