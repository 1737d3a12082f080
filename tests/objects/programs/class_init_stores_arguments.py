"""Constructors that store their arguments into fields: the compiled call
hands a new argument's reference over instead of counting it twice
(pythos/ir/passes/steals.py).  Each case an argument can meet: a
temporary, a variable used again after the call, the same value passed
twice or also to a parameter that is only read, stored twice, stored
into a list as well, stored on one branch only, an exception before and
after the store, a subclass's `super().__init__`, an exception class,
None, a default, a boxed `int | None`, and a deep recursion that builds
a tree.  The program ends with nothing live (the corpus's leak check)."""

from __future__ import annotations


class Leaf:
    def __init__(self, value: int) -> None:
        self.value = value


class Pair:
    def __init__(self, left: Leaf | None, right: Leaf | None) -> None:
        self.left = left
        self.right = right

    def total(self) -> int:
        n = 0
        if self.left is not None:
            n += self.left.value
        if self.right is not None:
            n += self.right.value
        return n


class Twice:
    """One argument stored into two fields, and into a list."""

    def __init__(self, leaf: Leaf) -> None:
        self.first = leaf
        self.again = leaf
        self.all = [leaf, leaf]


class Maybe:
    """Stores `a` on one branch only, makes a Leaf (which would reuse the
    memory of a freed one), then reads `b`."""

    def __init__(self, a: Leaf, b: Leaf, keep: bool) -> None:
        if keep:
            self.a: Leaf | None = a
        else:
            self.a = None
        self.other = Leaf(99)
        self.seen = b.value * 10


class Checked:
    """Raises before or after the store, by the value."""

    def __init__(self, leaf: Leaf) -> None:
        if leaf.value < 0:
            raise ValueError(f"negative before the store: {leaf.value}")
        self.leaf = leaf
        if leaf.value > 100:
            raise ValueError(f"too big after the store: {leaf.value}")


class Base:
    def __init__(self, leaf: Leaf, name: str = "base") -> None:
        self.leaf = leaf
        self.name = name


class Derived(Base):
    def __init__(self, leaf: Leaf, extra: Leaf) -> None:
        super().__init__(leaf, "derived-" + str(extra.value))
        self.extra = extra


class Passes(Base):
    """Only hands its argument on to the base's `__init__`."""

    def __init__(self, leaf: Leaf) -> None:
        super().__init__(leaf)


class NodeError(Exception):
    def __init__(self, leaf: Leaf) -> None:
        super().__init__(f"bad leaf {leaf.value}")
        self.leaf = leaf


class Boxed:
    def __init__(self, n: int | None, tag: str = "none") -> None:
        self.n = n
        self.tag = tag


class Tree:
    def __init__(self, left: Tree | None, right: Tree | None) -> None:
        self.left = left
        self.right = right


def make(depth: int) -> Tree:
    if depth == 0:
        return Tree(None, None)
    return Tree(make(depth - 1), make(depth - 1))


def count(t: Tree | None) -> int:
    if t is None:
        return 0
    return 1 + count(t.left) + count(t.right)


def temporaries() -> None:
    p = Pair(Leaf(1), Leaf(2))
    print("temporaries", p.total())
    q = Pair(None, Leaf(3))
    print("one None", q.total())


def used_after() -> None:
    x = Leaf(5)
    p = Pair(x, x)
    x.value = 6
    print("used after", p.total(), x.value)
    y = Leaf(7)
    p = Pair(y, y)  # the last use of y, passed twice
    print("passed twice", p.total())
    p = Pair(p.left, p.left)  # a field read, passed twice
    print("field twice", p.total())


def stored_twice() -> None:
    t = Twice(Leaf(8))
    t.first.value = 9
    print("stored twice", t.again.value, t.all[0].value, t.all[1].value, len(t.all))
    t.all.clear()
    t.first = Leaf(1)
    print("after clear", t.again.value)


def one_branch() -> None:
    x = Leaf(4)
    m = Maybe(x, x, False)  # stored on no path, read after the branch
    print("not kept", m.a is None, m.seen)
    m = Maybe(Leaf(2), Leaf(3), True)
    print("kept", m.a.value if m.a is not None else -1, m.seen)
    z = Leaf(6)
    m = Maybe(z, z, True)
    print("kept same", m.a.value if m.a is not None else -1, m.seen)


def raising() -> None:
    for v in (-1, 50, 200):
        try:
            c = Checked(Leaf(v))
            print("made", c.leaf.value)
        except ValueError as e:
            print("error", e)
    keep = Leaf(300)
    try:
        Checked(keep)
    except ValueError as e:
        print("error kept", e, keep.value)


def subclasses() -> None:
    d = Derived(Leaf(1), Leaf(2))
    print("derived", d.leaf.value, d.extra.value, d.name)
    p = Passes(Leaf(3))
    print("passes", p.leaf.value, p.name)
    shared = Leaf(4)
    d = Derived(shared, shared)
    shared.value = 5
    print("shared", d.leaf.value, d.extra.value, d.name)


def exceptions() -> None:
    try:
        raise NodeError(Leaf(9))
    except NodeError as e:
        print("exception", e, e.leaf.value)


def boxes() -> None:
    b = Boxed(12)
    print("boxed", b.n, b.tag)
    b = Boxed(None, "t" + str(3))
    print("boxed none", b.n, b.tag)


def trees() -> None:
    total = 0
    for depth in range(0, 9):
        total += count(make(depth))
    print("trees", total)
    keep = make(6)
    for _ in range(20):
        keep = Tree(keep, make(2))
    print("kept tree", count(keep))


def main() -> None:
    temporaries()
    used_after()
    stored_twice()
    one_branch()
    raising()
    subclasses()
    exceptions()
    boxes()
    trees()


main()
