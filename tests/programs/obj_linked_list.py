"""A singly linked list of class instances: building, walking, reversing
in place, removing, and a million nodes freed without recursion."""

from typing import Optional


class Node:
    def __init__(self, value: int, next: Optional["Node"]) -> None:
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self) -> None:
        self.head: Node | None = None
        self.size = 0

    def push(self, value: int) -> None:
        self.head = Node(value, self.head)
        self.size += 1

    def total(self) -> int:
        s = 0
        node = self.head
        while node is not None:
            s += node.value
            node = node.next
        return s

    def reverse(self) -> None:
        prev: Node | None = None
        node = self.head
        while node is not None:
            nxt = node.next
            node.next = prev
            prev = node
            node = nxt
        self.head = prev

    def remove(self, value: int) -> bool:
        prev: Node | None = None
        node = self.head
        while node is not None:
            if node.value == value:
                if prev is None:
                    self.head = node.next
                else:
                    prev.next = node.next
                self.size -= 1
                return True
            prev = node
            node = node.next
        return False

    def find(self, value: int) -> Node | None:
        node = self.head
        while node is not None:
            if node.value == value:
                return node
            node = node.next
        return None

    def show(self) -> None:
        node = self.head
        first = True
        while node is not None:
            if not first:
                print(" -> ", end="")
            print(node.value, end="")
            first = False
            node = node.next
        print()


def main() -> None:
    lst = LinkedList()
    for i in range(10):
        lst.push(i * i)
    lst.show()
    print(lst.size, lst.total())
    lst.reverse()
    lst.show()
    print(lst.remove(0), lst.remove(49), lst.remove(1000))
    lst.show()
    print(lst.size, lst.total())
    found = lst.find(64)
    if found is not None:
        print("found", found.value)
    print(lst.find(3) is None)
    big = LinkedList()
    for i in range(1000000):
        big.push(i)
    print(big.size, big.total())
    big.head = None
    print(big.total())


if __name__ == "__main__":
    main()
