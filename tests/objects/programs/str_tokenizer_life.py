from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Union

Grid = list[list[str]]


@dataclass
class Token:
    kind: str
    text: str
    pos: int


def tokenize(src: str) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            out.append(Token("num", src[i:j], i))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            out.append(Token("name", src[i:j], i))
            i = j
        else:
            out.append(Token("op", c, i))
            i += 1
    return out


OPS: dict[str, Callable[[int, int], int]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a // b,
}


def evaluate(tokens: list[Token], env: dict[str, int]) -> str:
    stack: list[int] = []
    for t in tokens:
        if t.kind == "num":
            stack.append(int(t.text))
        elif t.kind == "name":
            v = env.get(t.text)
            if v is None:
                return f"unknown name {t.text!r} at {t.pos}"
            stack.append(v)
        else:
            if len(stack) < 2:
                return f"stack underflow at {t.pos}"
            b, a = stack.pop(), stack.pop()
            try:
                stack.append(OPS[t.text](a, b))
            except ZeroDivisionError:
                return "division by zero"
            except KeyError as e:
                return f"bad operator {e}"
    return str(stack[-1]) if len(stack) == 1 else f"{len(stack)} values left"


def life(g: Grid) -> Grid:
    h, w = len(g), len(g[0])
    def alive(r: int, c: int) -> int:
        return 1 if 0 <= r < h and 0 <= c < w and g[r][c] == "#" else 0
    nxt: Grid = []
    for r in range(h):
        row: list[str] = []
        for c in range(w):
            n = sum(alive(r + dr, c + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc)
            row.append("#" if n == 3 or (n == 2 and g[r][c] == "#") else ".")
        nxt.append(row)
    return nxt


def find(xs: list[int], target: int) -> Optional[int]:
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return None


def main() -> None:
    env = {"x": 6, "y_2": 7}
    for src in ["3 4 +", "x y_2 *", "1 0 /", "1 +", "z 1 +", "2 3 ^", "1 2"]:
        print(f"{src!r:>12} -> {evaluate(tokenize(src), env)}")
    g = [list(row) for row in [".....", "..#..", "..#..", "..#..", "....."]]
    for _ in range(2):
        g = life(g)
        print("\n".join("".join(r) for r in g), end="\n--\n")
    xs = list(range(0, 100, 3))
    print([find(xs, t) for t in (0, 3, 4, 99, 97)], xs[find(xs, 42) or 0])


if __name__ == "__main__":
    main()
