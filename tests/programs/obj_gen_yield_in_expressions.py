"""yield inside larger expressions: what was evaluated before the yield
(a new str, a global's list) is kept in the frame across it, and a throw
there releases it."""
from collections.abc import Generator

NAME = "first"
ITEMS = [1, 2, 3]


def show(a: str, b: int, c: list[int]) -> str:
    return f"{a}|{b}|{c}"


def adder() -> Generator[int, int, None]:
    total = 0
    while total < 100:
        total = total + 1 + (yield total)
        print("total", total)


def calls(prefix: str) -> Generator[str, int, None]:
    parts = [prefix]
    while len(parts) < 3:
        parts.append(show(prefix + "!", (yield "need a number"), [len(parts)]))
    print(parts)
    yield "done"


def reader() -> Generator[str, int, None]:
    yield show(NAME + "", (yield "give"), ITEMS)
    yield f"{len(ITEMS)} {(yield 'again')} {NAME}"
    yield str([ITEMS, [(yield "in a list")]])


def choose(flag: bool) -> Generator[int, int, None]:
    value = (yield 1) if flag else -(yield 2)
    print("chose", value)
    yield value * 2


def main() -> None:
    global NAME, ITEMS
    g = adder()
    print(next(g), g.send(10), g.send(20))
    c = calls("p")
    print(next(c), c.send(1), c.send(2))
    d = calls("q")
    next(d)
    try:
        d.throw(ValueError("inside the call"))
    except ValueError as e:
        print("caught", e)
    r = reader()
    print(next(r))
    NAME = "second" + str(len(ITEMS))
    ITEMS = [4]
    print(r.send(5))
    print(next(r))
    ITEMS = [7, 8]
    NAME = "third" + str(len(ITEMS))
    print(r.send(9))
    print(next(r), r.send(6))
    for flag in (True, False):
        ch = choose(flag)
        print(next(ch), ch.send(21))


if __name__ == "__main__":
    main()
