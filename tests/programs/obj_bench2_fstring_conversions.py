"""!r and !s conversions in f-strings (and the `{x=}` form, which is
`x=` followed by `{x!r}`): the field is repr(x) or str(x), and a spec
then formats that str, for every type that has a text."""
from dataclasses import dataclass
from typing import Optional

from pythos.lang import u8, i32


class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def __repr__(self) -> str:
        return f"Point({self.x}, {self.y})"


class Named:
    def __init__(self, name: str) -> None:
        self.name = name

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"Named({self.name!r})"


@dataclass
class Token:
    kind: str
    text: str
    line: int


def find(names: list[str], wanted: str) -> Optional[str]:
    for n in names:
        if n == wanted:
            return n
    return None


def main() -> None:
    quote = "it's \"quoted\"\n\ttab"
    plain = "hello"
    n = -42
    small = u8(200)
    mid = i32(-7)
    flag = False
    data = b"\x00ab'"
    print(f"{quote!r} | {quote!s} | {plain!r} | {plain!s}")
    print(f"{n!r} {n!s} {small!r} {mid!r} {flag!r} {flag!s} {data!r} {data!s}")
    print(f"{chr(65)!r} {chr(10)!r} {chr(233)!r}")
    xs = [1, -2, 3]
    names = ["a", "b'c", 'd"e']
    table = {"one": 1, "two": 2}
    pair = (7, "seven")
    marks = {3}
    print(f"{xs!r} {xs!s} {names!r} {names!s}")
    print(f"{table!r} {pair!r} {pair!s} {marks!r}")
    p = Point(1, -2)
    who = Named("ada")
    tok = Token("name", "x'y", 3)
    print(f"{p!r} {p!s} {who!r} {who!s} {who}")
    print(f"{tok!r} {tok!s}")
    print(f"unexpected {tok.text!r} at line {tok.line}")
    print(f"{find(names, 'a')!r} {find(names, 'z')!r} {find(names, 'z')!s}")
    # A spec formats the converted str.
    print(f"[{plain!r:>10}] [{n!r:<6}|] [{names!r:^24}] [{p!r:*>16}]")
    print(f"[{n!s:>5}] [{flag!r:>6}]")
    # The `=` form: the expression's text, then its repr (or, with a spec,
    # the value formatted by that spec).
    print(f"{n=} {plain=} {xs=} {tok.line=} {n=:>5} {plain = }")
    # str.format() takes the same conversions.
    print("{!r} and {!s} and {x!r}".format(plain, plain, x=names))
    built = f"{names!r}/{n!r}"
    print(len(built), built)


if __name__ == "__main__":
    main()
