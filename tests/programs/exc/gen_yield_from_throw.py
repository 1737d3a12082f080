"""yield from hands throw() and close() on to the inner generator (PEP 380)."""
from collections.abc import Generator


class Skip(Exception):
    pass


def inner(name: str) -> Generator[int, None, str]:
    try:
        for i in range(3):
            try:
                yield i
            except Skip:
                print(name, "skips", i)
        return f"{name} done"
    finally:
        print(name, "finally")


def outer() -> Generator[int, None, None]:
    try:
        result = yield from inner("in1")
        print("outer got", result)
        yield 100
    finally:
        print("outer finally")


def plain_outer() -> Generator[int, None, None]:
    yield from [7, 8, 9]


def catching_outer() -> Generator[int, None, None]:
    try:
        yield from inner("in2")
    except ValueError as e:
        print("outer caught", e)
        yield -1


def main() -> None:
    g = outer()
    print(next(g))
    print(g.throw(Skip()))
    print(next(g))
    print(g.throw(Skip()))
    g.close()
    print("closed")
    h = outer()
    print(next(h))
    h.close()
    p = plain_outer()
    print(next(p))
    try:
        p.throw(KeyError("k"))
    except KeyError as e:
        print("plain:", e)
    c = catching_outer()
    print(next(c))
    print(c.throw(ValueError("v")))
    c.close()
    u = outer()
    next(u)
    u.throw(RuntimeError("through both"))


if __name__ == "__main__":
    main()
