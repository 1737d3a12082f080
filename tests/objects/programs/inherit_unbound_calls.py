"""`C.method(obj, ...)`: class C's own method on obj, not dispatched,
with C's defaults (`Base.__init__(self, ...)` in a subclass)."""


class Base:
    def __init__(self, n: int) -> None:
        self.n = n
        self.log: list[str] = []

    def describe(self, tag: str = "b") -> str:
        return f"Base({self.n}, {tag})"

    def bump(self, k: int) -> int:
        self.n += k
        self.log.append(f"bump {k}")
        return self.n


class Mid(Base):
    def __init__(self, n: int, extra: str) -> None:
        Base.__init__(self, n * 10)
        self.extra = extra

    def describe(self, tag: str = "m") -> str:
        return "Mid<" + Base.describe(self, tag) + ">"

    def bump(self, k: int) -> int:
        return Base.bump(self, k * 2) + 1000


class Leaf(Mid):
    def describe(self, tag: str = "l") -> str:
        return "Leaf<" + Mid.describe(self) + "|" + Base.describe(self) + ">"


class Node:
    def __init__(self, value: int, child: "Node | None" = None) -> None:
        self.value = value
        self.child = child

    def total(self) -> int:
        return self.value + (Node.total(self.child) if self.child is not None else 0)


def main() -> None:
    b = Base(1)
    m = Mid(2, "x")
    lf = Leaf(3, "y")
    print(b.describe(), m.describe(), lf.describe())
    print(Base.describe(m), Base.describe(lf, tag="t"), Mid.describe(lf))
    print(Base.bump(lf, 5), lf.n, Mid.bump(lf, 1), lf.bump(2), lf.log)
    Base.__init__(b, 42)
    print(b.n, b.log)
    Mid.__init__(m, 7, "again")
    print(m.n, m.extra, m.log)
    objs: list[Base] = [b, m, lf]
    print([Base.describe(o) for o in objs], [o.describe() for o in objs])
    chain = Node(1, Node(2, Node(3)))
    print(Node.total(chain), Node.total(Node(5)))
    Node.__init__(chain, 10)
    print(chain.total(), chain.child)


main()
