"""The str fast paths against their general ones: indexing ASCII and
non-ASCII text (negative indexes too), one-character tests on ASCII and
non-ASCII characters, f-strings joined from str and integer fields (more
pieces than the joiner holds at once, the extremes of an int),
an instance's text reached through its base class (its own __str__, a
__repr__ only, a dataclass's generated repr), and copies of every length
at every alignment."""

from __future__ import annotations

from dataclasses import dataclass


class Shape:
    def area(self) -> int:
        return 0


class Square(Shape):
    def __init__(self, side: int) -> None:
        self.side = side

    def area(self) -> int:
        return self.side * self.side

    def __str__(self) -> str:
        return f"Square({self.side})"


class Blob(Shape):
    def __repr__(self) -> str:
        return "<blob>"


@dataclass
class Dot(Shape):
    x: int
    name: str


def characters(text: str) -> None:
    out: list[str] = []
    for i in range(len(text)):
        ch = text[i]
        tests = f"{ch.isdigit()}{ch.isspace()}{ch.isalpha()}{ch.isalnum()}{ch.isdecimal()}"
        out.append(f"{ch!r}:{tests}:{text[-1 - i]}")
    print(" ".join(out))


def pieces(n: int) -> str:
    parts = [f"{i}" for i in range(n)]
    return "".join(parts)


def main() -> None:
    characters("a1 \t_Z9")
    characters("é٣\x85x Σ2")
    characters("")
    word = "naïve café"
    print(word[0], word[2], word[-1], word[-4], "x"[0], "x"[-1])
    tiny: int = -9223372036854775807 - 1
    small = 200
    print(f"{tiny}|{-(tiny + 1)}|{small}|{0}|{-1}|{True}|{None}")
    many = f"{1}{2}{3}{4}{5}{6}{7}{8}{9}{10}{11}{12}{13}{14}{15}{16}{17}{18}{19}{20}-{'end'}"
    print(many, len(many))
    print(f"{many}{many}" == many + many, pieces(40))
    shapes: list[Shape] = [Square(3), Blob(), Dot(4, "d"), Shape()]
    for shape in shapes[:3]:
        print(f"[{shape}] {str(shape)}|{shape.area()}")
    print(str(shapes[0]) == f"{shapes[0]}", len(f"{shapes[3]}") > 10)
    text = "0123456789abcdefghijklmnopqrstuvwxyz" * 3
    for start in range(9):
        for length in (0, 1, 7, 8, 9, 15, 16, 17, 31, 33):
            piece = text[start:start + length]
            joined = f"<{piece}>{start}"
            assert joined == "<" + piece + ">" + str(start), joined
            assert len(piece) == length
    print(f"{text[5:40]}|{text[1:2]}|{text[:0]}|")


if __name__ == "__main__":
    main()
