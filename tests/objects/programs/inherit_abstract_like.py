"""A base class whose method subclasses must provide, dispatched
through a list of base references (an interpreter's AST nodes)."""


class Expr:
    def eval(self) -> int:
        return 0

    def show(self) -> str:
        return "?"


class Num(Expr):
    def __init__(self, v: int) -> None:
        self.v = v

    def eval(self) -> int:
        return self.v

    def show(self) -> str:
        return str(self.v)


class Add(Expr):
    def __init__(self, a: Expr, b: Expr) -> None:
        self.a = a
        self.b = b

    def eval(self) -> int:
        return self.a.eval() + self.b.eval()

    def show(self) -> str:
        return f"({self.a.show()} + {self.b.show()})"


class Mul(Add):
    def eval(self) -> int:
        return self.a.eval() * self.b.eval()

    def show(self) -> str:
        return f"({self.a.show()} * {self.b.show()})"


def main() -> None:
    e = Add(Num(2), Mul(Num(3), Add(Num(4), Num(-1))))
    print(e.show(), "=", e.eval())
    exprs: list[Expr] = [Num(7), e, Mul(e, e)]
    print([x.eval() for x in exprs])


if __name__ == "__main__":
    main()
