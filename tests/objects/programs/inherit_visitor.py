"""Double dispatch: nodes accept a visitor whose methods subclasses
override (a pretty printer and an evaluator over one tree)."""


class Node:
    def accept(self, v: "Visitor") -> str:
        return ""


class Lit(Node):
    def __init__(self, value: int) -> None:
        self.value = value

    def accept(self, v: "Visitor") -> str:
        return v.lit(self)


class Neg(Node):
    def __init__(self, inner: Node) -> None:
        self.inner = inner

    def accept(self, v: "Visitor") -> str:
        return v.neg(self)


class Visitor:
    def lit(self, n: Lit) -> str:
        return ""

    def neg(self, n: Neg) -> str:
        return ""


class Printer(Visitor):
    def lit(self, n: Lit) -> str:
        return str(n.value)

    def neg(self, n: Neg) -> str:
        return "-(" + n.inner.accept(self) + ")"


class Evaluator(Visitor):
    def lit(self, n: Lit) -> str:
        return str(n.value)

    def neg(self, n: Neg) -> str:
        return str(-int(n.inner.accept(self)))


def main() -> None:
    tree = Neg(Neg(Neg(Lit(5))))
    for v in [Printer(), Evaluator()]:
        print(tree.accept(v))


if __name__ == "__main__":
    main()
