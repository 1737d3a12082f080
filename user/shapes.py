"""shapes: heap objects in a user program.

Classes with inheritance and overriding, `T | None` links and f-strings
built at run time, all on the process's own heap: the object allocator
gets its memory from the kernel with `brk` (pythos/rt/user.py).  It ends
by saying how much of its heap is still in use, which must be nothing.
"""

from pythos.rt.alloc import obj_stats


class Shape:
    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> int:
        return 0

    def describe(self) -> str:
        return f"{self.name} of area {self.area()}"


class Rect(Shape):
    def __init__(self, w: int, h: int) -> None:
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self) -> int:
        return self.w * self.h


class Square(Rect):
    def __init__(self, side: int) -> None:
        super().__init__(side, side)
        self.name = "square"


class Link:
    def __init__(self, shape: Shape, next: "Link | None") -> None:
        self.shape = shape
        self.next = next


def build(count: int) -> Link | None:
    head: Link | None = None
    for i in range(count):
        shape: Shape = Square(i) if i % 3 == 0 else Rect(i, i + 1) if i % 3 == 1 else Shape("dot")
        head = Link(shape, head)
    return head


def main() -> None:
    before = obj_stats().in_use
    chain = build(100_000)
    total = 0
    node = chain
    while node is not None:
        total += node.shape.area()
        node = node.next
    if chain is not None:
        print(chain.shape.describe())
    print(f"total area {total}")
    chain = None
    print(f"heap bytes still in use: {obj_stats().in_use - before}")


if __name__ == "__main__":
    main()
