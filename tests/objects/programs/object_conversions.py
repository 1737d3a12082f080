"""`object` values (issue 11): every kind of value converts to `object`
where the target's type says so (an assignment, an argument, a return, a
field, an item of a list, a tuple or a dict, a branch of a conditional
expression), and prints as CPython prints it: ints and bools are boxed,
None is None, a bytes value becomes its bytes object, objects and str
are references."""

from collections.abc import Callable
from dataclasses import dataclass

from pythos.lang import u8


@dataclass
class Point:
    x: int
    y: int


class Holder:
    def __init__(self, v: object) -> None:
        self.v = v
        self.history: list[object] = []

    def put(self, v: object) -> object:
        old = self.v
        self.history.append(old)
        self.v = v
        return old


def ident(x: object) -> object:
    return x


def describe(x: object) -> str:
    return f"{x} {x!r} {str(x)} {repr(x)}"


def double(n: int) -> int:
    return 2 * n


def pick(i: int) -> object:
    if i == 0:
        return 42
    if i == 1:
        return "str"
    if i == 2:
        return None
    if i == 3:
        return True
    return Point(i, -i)


def either(i: int) -> object:
    return i if i % 2 else str(i)


def main() -> None:
    big = 2 ** 62
    small = int(u8(200))
    data = "héllo".encode()
    f: Callable[[int], int] = double
    values: list[object] = [0, -7, big, small, True, False, None, "", "text", b"raw", data,
                            Point(1, 2), [1, 2], (3, "x"), {"k": 1}, f(4)]
    for v in values:
        print(describe(v))
    print(values)
    print(ident(1), ident("a"), ident(None), ident(False), ident(b"b"), ident(Point(0, 0)))
    print([pick(i) for i in range(5)])
    print([either(i) for i in range(4)])
    chosen: object = None if len(values) > 99 else b"chosen"
    print(chosen)
    h = Holder(1)
    nexts: list[object] = ["two", 3, None, True, b"five", Point(6, 6)]
    for nxt in nexts:
        print(h.put(nxt), "->", h.v)
    print(h.history)
    t: tuple[object, object, int] = (1, "one", 1)
    print(t, t[0], t[1])
    d: dict[str, object] = {"int": 1, "str": "s", "none": None, "bool": False}
    d["bytes"] = b"\x00\xff"
    d["point"] = Point(3, 4)
    print(d)
    print(len(values), len(d))
    o: object = 1
    print(o)
    o = "now a str"
    print(o)
    o = None
    print(o)
    o = Point(9, 9)
    print(o)
    o = data
    print(o)


if __name__ == "__main__":
    main()
