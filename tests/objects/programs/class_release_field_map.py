"""Releasing instances by their class's field map (TypeInfo `drops`):
every reference field is dropped when an instance dies, whatever its
type (an instance, `X | None`, str, bytes, a list), wherever it lies
among integer fields, inherited or not, and past the 64th word, where
the class has no map and its `clear` is called.  Long chains free in a
loop, and cycles through such instances are still collected, by
`gc.collect()` and by the automatic collections."""
from __future__ import annotations

import gc


class Leaf:
    def __init__(self, name: str) -> None:
        self.name = name


class Mixed:
    def __init__(self, n: int, name: str, blob: bytes, child: Mixed | None) -> None:
        self.n = n
        self.name = name
        self.count = n * 2
        self.blob = blob
        self.child = child
        self.leaf = Leaf(name + "!")
        self.items: list[Leaf] = [Leaf(name), Leaf(name + name)]


class Derived(Mixed):
    def __init__(self, n: int, name: str, other: Leaf) -> None:
        super().__init__(n, name, b"derived", None)
        self.other = other
        self.last = n + 1


class Wide:
    """Sixty-four str fields, then more references: past the maps' reach."""

    def __init__(self, base: int, late: Leaf | None, text: str) -> None:
        self.w0 = str(base + 0)
        self.w1 = str(base + 1)
        self.w2 = str(base + 2)
        self.w3 = str(base + 3)
        self.w4 = str(base + 4)
        self.w5 = str(base + 5)
        self.w6 = str(base + 6)
        self.w7 = str(base + 7)
        self.w8 = str(base + 8)
        self.w9 = str(base + 9)
        self.w10 = str(base + 10)
        self.w11 = str(base + 11)
        self.w12 = str(base + 12)
        self.w13 = str(base + 13)
        self.w14 = str(base + 14)
        self.w15 = str(base + 15)
        self.w16 = str(base + 16)
        self.w17 = str(base + 17)
        self.w18 = str(base + 18)
        self.w19 = str(base + 19)
        self.w20 = str(base + 20)
        self.w21 = str(base + 21)
        self.w22 = str(base + 22)
        self.w23 = str(base + 23)
        self.w24 = str(base + 24)
        self.w25 = str(base + 25)
        self.w26 = str(base + 26)
        self.w27 = str(base + 27)
        self.w28 = str(base + 28)
        self.w29 = str(base + 29)
        self.w30 = str(base + 30)
        self.w31 = str(base + 31)
        self.w32 = str(base + 32)
        self.w33 = str(base + 33)
        self.w34 = str(base + 34)
        self.w35 = str(base + 35)
        self.w36 = str(base + 36)
        self.w37 = str(base + 37)
        self.w38 = str(base + 38)
        self.w39 = str(base + 39)
        self.w40 = str(base + 40)
        self.w41 = str(base + 41)
        self.w42 = str(base + 42)
        self.w43 = str(base + 43)
        self.w44 = str(base + 44)
        self.w45 = str(base + 45)
        self.w46 = str(base + 46)
        self.w47 = str(base + 47)
        self.w48 = str(base + 48)
        self.w49 = str(base + 49)
        self.w50 = str(base + 50)
        self.w51 = str(base + 51)
        self.w52 = str(base + 52)
        self.w53 = str(base + 53)
        self.w54 = str(base + 54)
        self.w55 = str(base + 55)
        self.w56 = str(base + 56)
        self.w57 = str(base + 57)
        self.w58 = str(base + 58)
        self.w59 = str(base + 59)
        self.w60 = str(base + 60)
        self.w61 = str(base + 61)
        self.w62 = str(base + 62)
        self.w63 = str(base + 63)
        self.late = late
        self.text = text
        self.back: Wide | None = None

    def total(self) -> int:
        return int(self.w0) + int(self.w31) + int(self.w63) + len(self.text)


def chain(n: int) -> Mixed:
    head = Mixed(0, "c0", b"", None)
    for i in range(1, n):
        head = Mixed(i, "c" + str(i % 10), b"x", head)
    return head


def ring(n: int) -> Mixed:
    first = Mixed(0, "r", b"r", None)
    last = first
    for i in range(1, n):
        last = Mixed(i, "r" + str(i), b"rr", last)
    first.child = last
    return first


def walk_chain() -> None:
    head = chain(200_000)
    length = 0
    node: Mixed | None = head
    while node is not None:
        length += 1
        node = node.child
    print(length, head.n, head.name, head.leaf.name, len(head.items), head.blob)


def inherited() -> None:
    shared = Leaf("shared")
    d = Derived(7, "d", shared)
    print(d.n, d.count, d.name, d.blob, d.other.name, d.last, d.child is None)
    d = Derived(8, "e", Leaf("fresh"))
    print(d.other.name, shared.name)


def wide_cycle() -> None:
    w = Wide(10, Leaf("late"), "wide")
    late = w.late
    print(w.total(), late.name if late is not None else "-", w.w17)
    w2 = Wide(20, None, "second")
    w2.back = w
    w.back = w2  # a cycle through the fields past the 64th word
    print(w2.total(), w2.back is w)


def a_ring() -> None:
    r = ring(50)
    print(r.child.n if r.child is not None else -1)


def main() -> None:
    walk_chain()
    inherited()
    wide_cycle()
    print(gc.collect() > 0)
    a_ring()
    print(gc.collect() > 0)
    for i in range(3000):
        ring(5)  # garbage rings, for the automatic collections
    print(len(chain(1000).items))


if __name__ == "__main__":
    main()
