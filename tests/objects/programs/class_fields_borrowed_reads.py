"""Reads of fields that nothing writes after `__init__`, through values
alive for the whole call, take no reference when compiled
(pythos/ir/passes/stablefields.py); fields written later still do.
Cases: a walk that rebinds its parameter, a method that returns or
stores what it read, a field overwritten by a setter and by `+=` while
a read of it is in use, class defaults and dataclasses, a subclass's
`__init__` that overwrites the base's field, a method `__init__` calls,
a Final global, an exception class, a merge of a borrowed and a new
value, and a generator.  The program ends with nothing live."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final


class Link:
    def __init__(self, value: int, next: Link | None) -> None:
        self.value = value
        self.next = next


class Item:
    def __init__(self, name: str) -> None:
        self.name = name


class Holder:
    """`item` is written after construction, by `replace`."""

    def __init__(self, item: Item) -> None:
        self.item = item
        self.count = 0
        self.tag = Item("tag")

    def replace(self, item: Item) -> None:
        self.item = item

    def first_tag(self) -> Item:
        return self.tag


class Counter:
    def __init__(self) -> None:
        self.total = Item("0")

    def bump(self) -> None:
        self.total = Item(str(int(self.total.name) + 1))


class Named:
    label: str = "default"
    other: Item | None = None

    def __init__(self, n: int) -> None:
        self.n = n
        self.describe()
        self.label = f"named {n}"

    def describe(self) -> None:
        print("describe sees", self.label, self.other is None)


@dataclass
class Point:
    x: int
    owner: Item


class Base:
    def __init__(self, item: Item) -> None:
        self.item = item


class Derived(Base):
    def __init__(self, item: Item) -> None:
        super().__init__(item)
        self.item = Item("derived " + item.name)


class LinkError(Exception):
    def __init__(self, link: Link) -> None:
        super().__init__("link error")
        self.link = link


def chain(n: int) -> Link | None:
    head: Link | None = None
    for i in range(n):
        head = Link(i, head)
    return head


def walk(node: Link | None) -> int:
    total = 0
    while node is not None:
        total += node.value
        node = node.next
    return total


def last(node: Link) -> Link:
    while node.next is not None:
        node = node.next
    return node


def keep_second(node: Link, into: list[Link]) -> Link | None:
    second = node.next
    if second is not None:
        into.append(second)
    return second


def use_while_replaced(h: Holder) -> str:
    old = h.item
    h.replace(Item("new"))  # the last reference to the old item went
    return old.name + " then " + h.item.name


def use_while_bumped(c: Counter) -> str:
    before = c.total
    c.bump()
    c.bump()
    return before.name + " -> " + c.total.name


def merged(node: Link, fresh: bool) -> int:
    x = Link(100, None) if fresh else node.next
    if x is None:
        return -1
    return x.value


def values(node: Link | None) -> Iterator[int]:
    while node is not None:
        yield node.value
        node = node.next


def gen_values(node: Link | None) -> list[int]:
    return [v for v in values(node)]


CONSTANT: Final = Link(7, Link(8, None))


def constant_sum() -> int:
    n = CONSTANT.next
    return CONSTANT.value + (n.value if n is not None else 0)


def main() -> None:
    c = chain(10)
    print("walk", walk(c))
    if c is not None:
        print("last", last(c).value)
        kept: list[Link] = []
        s = keep_second(c, kept)
        c = None
        print("second", s.value if s is not None else -1, kept[0].value, walk(s))
        kept.clear()
        print("after drop", s.value if s is not None else -1)
    h = Holder(Item("old"))
    print(use_while_replaced(h), h.first_tag().name)
    h.count += 1
    print("count", h.count)
    print(use_while_bumped(Counter()))
    nm = Named(3)
    print(nm.label, nm.n)
    p = Point(1, Item("pt"))
    print("point", p.x, p.owner.name)
    d = Derived(Item("x"))
    print(d.item.name)
    link = Link(1, Link(2, None))
    print("merged", merged(link, True), merged(link, False))
    print("generator", gen_values(chain(5)))
    print("constant", constant_sum())
    try:
        raise LinkError(Link(5, None))
    except LinkError as e:
        print("error", e, e.link.value)


main()
