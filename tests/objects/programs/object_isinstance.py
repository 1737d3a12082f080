"""`object` values (issue 11): isinstance() narrows an object to int,
bool, str, bytes or a class, and the narrowed value is read as that type
(an int out of its box, a bytes value out of its object)."""

from dataclasses import dataclass

from pythos.lang import u8


@dataclass
class Shape:
    name: str


@dataclass
class Square(Shape):
    side: int


def kind(x: object) -> str:
    if isinstance(x, bool):
        return f"bool {x} {not x}"
    if isinstance(x, int):
        return f"int {x + 1} {x * 2}"
    if isinstance(x, str):
        return f"str {x.upper()} {len(x)}"
    if isinstance(x, bytes):
        return f"bytes {len(x)} {x!r} {x.decode()}"
    if isinstance(x, Square):
        return f"square {x.name} {x.side * x.side}"
    if isinstance(x, Shape):
        return f"shape {x.name}"
    if x is None:
        return "none"
    return "other"


def total(xs: list[object]) -> int:
    n = 0
    for x in xs:
        if isinstance(x, int):
            n += x
        elif isinstance(x, str) and x.isdigit():
            n += int(x)
    return n


def is_int(x: object) -> bool:
    return isinstance(x, int)


def main() -> None:
    xs: list[object] = [1, True, False, -5, 2 ** 50, int(u8(255)), "abc", "", b"hi", "é".encode(),
                        Shape("blob"), Square("sq", 3), None, [1], (2,)]
    for x in xs:
        print(kind(x))
    print([is_int(x) for x in xs])
    print(total([1, 2, "30", True, "x", None, 400]))
    o: object = 7
    if isinstance(o, int):
        o = o + 1
    print(o)
    s: object = "text"
    if not isinstance(s, str):
        print("no")
    else:
        print(s.replace("t", "T"))
    b: object = None
    print(isinstance(b, int), isinstance(b, str), isinstance(b, Shape))


if __name__ == "__main__":
    main()
