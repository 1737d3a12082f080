"""isinstance() of a tuple of classes (issue 11): `isinstance(x, (A, B))`
is true if x is an instance of any of them, classes, int, str, bool,
bytes and the containers alike, with x evaluated once; `()` is always
False.  Pythos has no unions, so such a test narrows nothing."""

from typing import Optional


class Shape:
    def area(self) -> int:
        return 0


class Square(Shape):
    def __init__(self, side: int) -> None:
        self.side = side

    def area(self) -> int:
        return self.side * self.side


class Circle(Shape):
    pass


class Line(Shape):
    pass


def calls(tag: str, o: object) -> object:
    print("subject", tag)
    return o


def main() -> None:
    things: list[object] = [1, "a", b"b", True, [1], (2,), {3: 4}, {5}, None, Square(2)]
    for t in things:
        print(isinstance(t, (int, str)), isinstance(t, (list, tuple)),
              isinstance(t, (dict, set, bytes)), isinstance(t, (Shape, bool)))
    shapes: list[Shape] = [Square(3), Circle(), Line()]
    for s in shapes:
        print(isinstance(s, (Square, Circle)), isinstance(s, (Square,)), s.area())
    print(isinstance(calls("once", [1]), (str, bytes, list)))
    maybe: Optional[Shape] = None
    print(isinstance(maybe, (Square, Line)), isinstance(calls("empty", 1), ()))


if __name__ == "__main__":
    main()
