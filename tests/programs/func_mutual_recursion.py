from typing import Final

from pythos.lang import u32, i32


def is_even(n: u32) -> bool:
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n: u32) -> bool:
    if n == 0:
        return False
    return is_even(n - 1)


# Hofstadter Female and Male sequences
def hof_f(n: i32) -> i32:
    if n == 0:
        return i32(1)
    return n - hof_m(hof_f(n - 1))


def hof_m(n: i32) -> i32:
    if n == 0:
        return i32(0)
    return n - hof_f(hof_m(n - 1))


# A tiny recursive-descent evaluator over a bytes expression
EXPR: Final = b"2*(3+4)-10/(1+1)+7*(2-5)"
pos = 0


def peek() -> u32:
    if pos < len(EXPR):
        return u32(EXPR[pos])
    return u32(0)


def advance() -> None:
    global pos
    pos += 1


def parse_expr() -> i32:
    v = parse_term()
    while peek() == 43 or peek() == 45:
        op = peek()
        advance()
        r = parse_term()
        v = v + r if op == 43 else v - r
    return v


def parse_term() -> i32:
    v = parse_factor()
    while peek() == 42 or peek() == 47:
        op = peek()
        advance()
        r = parse_factor()
        v = v * r if op == 42 else v // r
    return v


def parse_factor() -> i32:
    if peek() == 40:
        advance()
        v = parse_expr()
        advance()
        return v
    n = i32(0)
    while 48 <= peek() <= 57:
        n = n * 10 + i32(peek() - 48)
        advance()
    return n


def main() -> None:
    for n in range(0, 12, 3):
        print(n, is_even(u32(n)), is_odd(u32(n)))
    print("even 501:", is_even(u32(501)))
    print("F:", end="")
    for n in range(15):
        print("", hof_f(i32(n)), end="")
    print()
    print("M:", end="")
    for n in range(15):
        print("", hof_m(i32(n)), end="")
    print()
    print("expr =", parse_expr(), "consumed", pos, "of", len(EXPR))


if __name__ == "__main__":
    main()
