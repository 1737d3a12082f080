"""A recursive-descent parser and evaluator for + - * / and parentheses."""


class Parser:
    def __init__(self, src: str) -> None:
        self.src = src.replace(" ", "")
        self.pos = 0

    def peek(self) -> str:
        return self.src[self.pos] if self.pos < len(self.src) else ""

    def expr(self) -> int:
        v = self.term()
        while self.peek() in ("+", "-") and self.peek() != "":
            op = self.peek()
            self.pos += 1
            v = v + self.term() if op == "+" else v - self.term()
        return v

    def term(self) -> int:
        v = self.atom()
        while self.peek() in ("*", "/") and self.peek() != "":
            op = self.peek()
            self.pos += 1
            v = v * self.atom() if op == "*" else v // self.atom()
        return v

    def atom(self) -> int:
        if self.peek() == "(":
            self.pos += 1
            v = self.expr()
            self.pos += 1
            return v
        start = self.pos
        while self.peek().isdigit() and self.peek() != "":
            self.pos += 1
        return int(self.src[start:self.pos])


def main() -> None:
    for e in ["1 + 2 * 3", "(1 + 2) * 3", "100 / 7 / 2", "2 * (3 + (4 - 1)) * 5", "42"]:
        print(e, "=", Parser(e).expr())


if __name__ == "__main__":
    main()
