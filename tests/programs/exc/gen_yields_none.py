"""Generators that yield only None: driven by a for loop, next() and list(),
with `yield None` and a bare `yield` alike, and variables typed None."""
from collections.abc import Generator


def steps(name: str, n: int) -> Generator[None, None, None]:
    for i in range(n):
        print(name, "step", i)
        if i % 2 == 0:
            yield None
        else:
            yield
    print(name, "done")


def countdown(n: int) -> Generator[None, None, str]:
    while n > 0:
        n -= 1
        try:
            yield
        except ValueError:
            print("caught")
    return "lift-off"


def throw_in(flag: bool) -> None:
    h = countdown(3)
    next(h)
    print(h.throw(ValueError("v")) if flag else None)
    print(next(h) if flag else None)


def main() -> None:
    for _ in steps("a", 3):
        print("between steps")
    it = steps("b", 2)
    next(it)
    next(it)
    print(next(it, None))
    seen = 0
    for x in countdown(3):
        print(x, x is None, repr(x))
        seen += 1
    print("seen", seen)
    print(list(steps("c", 2)))
    print(sum(1 for _ in countdown(4)))
    nothing: None = None
    print(nothing, nothing is None, str(nothing))
    g = countdown(2)
    print(next(g))
    print(g.send(None))
    try:
        print(g.throw(KeyError("k")))
    except KeyError as e:
        print("thrown", repr(e))
    h = countdown(3)
    print(next(h), next(h))
    try:
        h.send(None)
        h.send(None)
    except StopIteration as e:
        print("returned", e)
    throw_in(True)


main()
