"""`type(x).__name__`: of values whose static type decides it (int,
bool, str, bytes, containers, None, generators) and of objects whose
class only the run time knows (a subclass behind its base's type, an
`object`, an Optional, a caught exception), as error reports use it."""

from typing import Generator, Optional


class Shape:
    def __init__(self, name: str) -> None:
        self.name = name


class Circle(Shape):
    pass


class Disc(Circle):
    pass


class AppError(Exception):
    pass


def numbers() -> Generator[int, None, None]:
    yield 1


def describe(x: object) -> str:
    return f"{type(x).__name__}: {x!r}" if not isinstance(x, Shape) else type(x).__name__


def fails(kind: int) -> None:
    if kind == 0:
        raise ValueError("bad value")
    if kind == 1:
        raise AppError("custom")
    if kind == 2:
        print({"a": 1}["b"])
    xs: list[int] = []
    print(xs[3])


def main() -> None:
    print(type(3).__name__, type(True).__name__, type("s").__name__, type(b"b").__name__)
    print(type([1]).__name__, type({1: 2}).__name__, type({1}).__name__,
          type(frozenset({1})).__name__, type((1, "a")).__name__, type(bytearray()).__name__)
    print(type(None).__name__, type(numbers()).__name__)
    shapes: list[Shape] = [Shape("s"), Circle("c"), Disc("d")]
    print([type(s).__name__ for s in shapes])
    things: list[object] = [1, "two", None, True, [3], (4, 5), {6: 7}, Disc("x"), b"\x00"]
    for t in things:
        print(describe(t))
    maybe: Optional[Shape] = None
    print(type(maybe).__name__)
    maybe = Circle("m")
    print(type(maybe).__name__)
    for kind in range(4):
        try:
            fails(kind)
        except Exception as e:
            print(f"{type(e).__name__}: {e}")
    name = type(shapes[2]).__name__
    print(name.upper(), len(name), name == "Disc")


if __name__ == "__main__":
    main()
