"""A finally block that raises an exception object, built once per way out
of its try: in a plain function, and in generators that are thrown into,
closed and dropped (the report names the method and the nested function
as CPython's __qualname__ does)."""
from collections.abc import Generator, Iterator


def plain(x: int) -> int:
    try:
        if x > 0:
            return 1
        print("body")
    finally:
        print("finally", str(x))
        if x > 5:
            raise ValueError(5)
    return 0


def raising() -> Generator[int, None, None]:
    try:
        yield 1
    finally:
        raise ValueError(5)


class Box:
    def items(self) -> Iterator[int]:
        try:
            yield 1
        finally:
            raise KeyError("box")


def outer() -> None:
    def inner() -> Iterator[int]:
        try:
            yield 1
        finally:
            raise KeyError("inner")

    g = inner()
    next(g)


def main() -> None:
    print(plain(0))
    print(plain(1))
    try:
        plain(7)
    except ValueError as e:
        print("caught", e)
    g = raising()
    next(g)
    try:
        g.throw(KeyError("t"))
    except ValueError as e:
        print("throw:", e)
    h = raising()
    next(h)
    try:
        h.close()
    except ValueError as e:
        print("close:", e)
    b = Box().items()
    next(b)
    b = Box().items()
    outer()
    print("done")


if __name__ == "__main__":
    main()
