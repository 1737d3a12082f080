"""A calculator: generate arithmetic expressions as text, tokenize them,
parse them by recursive descent into a tree of node objects, evaluate the
tree, print it back as text and check that the text parses to the same
value.  The work of any interpreter's front end.

Exercises: scanning a `str` character by character (`isdigit`, `isspace`,
indexing), a `list[Token]` of small objects, recursion, a class hierarchy
for the tree (`Num`, `Neg`, `BinOp`, each overriding `evaluate` and
`__str__`), f-strings building text, and `dict[str, int]` for operator
precedence.  Allocation-heavy: every token and every node is an object.

Values are kept modulo a prime, so every intermediate result fits 64 bits.
"""

from __future__ import annotations

from typing import Final

EXPRESSIONS: Final = 10_000
MAX_DEPTH: Final = 7
MODULUS: Final = 1_000_003

# the binary operators, by how tightly they bind
PRECEDENCE: Final = {"+": 1, "-": 1, "*": 2, "//": 2, "%": 2}


class Random:
    """Marsaglia's xorshift32."""

    def __init__(self, seed: int) -> None:
        self.state = seed & 0xFFFFFFFF

    def below(self, n: int) -> int:
        x = self.state
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        self.state = x
        return x % n


# ----- the tree ------------------------------------------------------------
class Node:
    def evaluate(self) -> int:
        return 0


class Num(Node):
    def __init__(self, value: int) -> None:
        self.value = value

    def evaluate(self) -> int:
        return self.value % MODULUS

    def __str__(self) -> str:
        return str(self.value)


class Neg(Node):
    def __init__(self, operand: Node) -> None:
        self.operand = operand

    def evaluate(self) -> int:
        return -self.operand.evaluate() % MODULUS

    def __str__(self) -> str:
        return f"-({self.operand})"


class BinOp(Node):
    def __init__(self, op: str, left: Node, right: Node) -> None:
        self.op = op
        self.left = left
        self.right = right

    def evaluate(self) -> int:
        a = self.left.evaluate()
        b = self.right.evaluate()
        if self.op == "+":
            return (a + b) % MODULUS
        if self.op == "-":
            return (a - b) % MODULUS
        if self.op == "*":
            return a * b % MODULUS
        if b == 0:  # division by zero is defined away: x // 0 = x % 0 = x
            return a
        if self.op == "//":
            return a // b
        return a % b

    def __str__(self) -> str:
        return f"({self.left} {self.op} {self.right})"


# ----- text -> tokens -> tree ----------------------------------------------
class Token:
    def __init__(self, kind: str, text: str, value: int) -> None:
        self.kind = kind  # "num", "op", "(", ")" or "end"
        self.text = text
        self.value = value


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            start = i
            value = 0
            while i < n and text[i].isdigit():
                value = value * 10 + ord(text[i]) - ord("0")
                i += 1
            tokens.append(Token("num", text[start:i], value))
        elif ch == "/" and i + 1 < n and text[i + 1] == "/":
            tokens.append(Token("op", "//", 0))
            i += 2
        elif ch in "+-*%":
            tokens.append(Token("op", ch, 0))
            i += 1
        else:
            tokens.append(Token(ch, ch, 0))
            i += 1
    tokens.append(Token("end", "", 0))
    return tokens


class Parser:
    """expression := unary (op unary)*, operators by precedence climbing;
    unary := "-" unary | number | "(" expression ")"."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.pos = 0

    def next(self) -> Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def peek(self) -> Token:
        return self.tokens[self.pos]

    def expression(self, min_precedence: int) -> Node:
        left = self.unary()
        while True:
            token = self.peek()
            if token.kind != "op" or PRECEDENCE[token.text] < min_precedence:
                return left
            self.next()
            right = self.expression(PRECEDENCE[token.text] + 1)
            left = BinOp(token.text, left, right)

    def unary(self) -> Node:
        token = self.next()
        if token.kind == "op" and token.text == "-":
            return Neg(self.unary())
        if token.kind == "num":
            return Num(token.value)
        assert token.kind == "(", f"unexpected {token.text!r}"
        inner = self.expression(1)
        closing = self.next()
        assert closing.kind == ")", f"expected ')', got {closing.text!r}"
        return inner


def parse(text: str) -> Node:
    parser = Parser(tokenize(text))
    tree = parser.expression(1)
    assert parser.peek().kind == "end"
    return tree


# ----- random expressions as text ------------------------------------------
def generate(rng: Random, depth: int, parts: list[str]) -> None:
    r = rng.below(10)
    if depth == 0 or r < 2:
        parts.append(str(rng.below(100_000)))
    elif r == 2:
        parts.append("-")
        generate(rng, depth - 1, parts)
    elif r == 3:
        parts.append("(")
        generate(rng, depth - 1, parts)
        parts.append(")")
    else:
        generate(rng, depth - 1, parts)
        parts.append(" " + ("+", "-", "*", "//", "%")[rng.below(5)] + " ")
        generate(rng, depth - 1, parts)


def main() -> None:
    rng = Random(7)
    total = 0
    chars = 0
    nodes = 0
    for i in range(EXPRESSIONS):
        parts: list[str] = []
        generate(rng, MAX_DEPTH, parts)
        text = "".join(parts)
        tree = parse(text)
        value = tree.evaluate()
        printed = str(tree)
        again = parse(printed).evaluate()
        assert again == value, f"{text} = {value}, but {printed} = {again}"
        if i < 3:
            print(f"{text[:60]} ... = {value}")
        total = (total * 31 + value) % MODULUS
        chars += len(text)
        nodes += printed.count("(")
    print(f"{EXPRESSIONS} expressions, {chars} characters, {nodes} parenthesised nodes")
    print(f"checksum {total}")


if __name__ == "__main__":
    main()
