"""Tuple displays whose items are all literals are static objects, made
once (docs/objects.md, "Constant tuples"): indexed, searched, returned,
stored in containers and instances, used as keys, nested, of sized and
extreme integers, None, bools and str; and what they are given to keeps
working (slices, concatenation, a cycle through an instance that holds
one, sorting).  Equal displays in one module are one object, as in
CPython."""
import gc
from collections.abc import Callable, Iterator
from typing import Final

from pythos.lang import i8, u8

OPS: Final = ("+", "-", "*", "//", "%")
GRID: Final = ((0, 1), (1, 0), (0, -1), (-1, 0))


class Holder:
    def __init__(self, tag: tuple[tuple[int, str], bool | None]) -> None:
        self.tag = tag
        self.me: Holder | None = None


def op_name(i: int) -> str:
    return ("plus", "minus", "times", "div", "mod")[i]


def pair() -> tuple[int, str]:
    return (1, "a")


def other_pair() -> tuple[int, str]:
    return (1, "a")


def classify(ch: str) -> str:
    if ch in ("+", "-"):
        return "additive"
    if ch not in ("*", "//", "%"):
        return "other"
    return "multiplicative"


def nested() -> tuple[tuple[int, str], tuple[str | None, bool], tuple[()]]:
    return ((7, "seven"), (None, False), ())


def extremes() -> tuple[int, int, u8, i8]:
    return (9223372036854775807, -9223372036854775808, u8(255), i8(-1))


def directions() -> Iterator[tuple[str, int]]:
    for i in range(3):
        yield ("north", i) if i % 2 else ("south", -1)
        yield ("east", 0)


def main() -> None:
    print(list(directions()), [d for d in directions() if d == ("east", 0)])
    label: Callable[[int], tuple[str, bool]] = \
        lambda n: ("big", True) if n > 2 else ("small", False)
    print(label(1), label(5), label(0) is label(1))
    print([op_name(i) for i in range(5)], [OPS[i] for i in (4, 0, 2)])
    print([classify(c) for c in ("+", "%", "?", "-", "//", "")])
    print([3 in (1, 2, 3), -1 in (0, -1), 5 not in (-5, 50)])
    print(pair(), pair() is pair(), pair() is other_pair(), pair() == other_pair())
    made = [("a", 1) for _ in range(3)]
    print(made, made[0] is made[2])

    t = nested()
    print(t, t[0], t[1][0], t[1][1], t[2], len(t), t[0][1].upper())
    print(t == ((7, "seven"), (None, False), ()), t is nested(), hash(t) == hash(nested()))
    e = extremes()
    print(e, e[2] + 1, e[3] - 1, hash(e) == hash((9223372036854775807, -9223372036854775808,
                                                 255, -1)))
    quoted = ("é", 'q"', "it's", True, None, 0, -7)
    print(quoted, repr(quoted[1]), quoted[3] and quoted[5] == 0)
    single = ("only",)
    print(single, single + ("two",), OPS[1:3], OPS[:] is OPS, OPS[::-1])

    # Kept in containers and objects that outlive the function's frame.
    table: dict[tuple[int, int], str] = {(0, 1): "north", (1, 0): "east"}
    table[(0, -1)] = "south"
    print([table.get(d, "?") for d in GRID], (1, 0) in table, sorted(table))
    seen = {(1, "a"), (1, "a"), (2, "b")}
    print(sorted(seen), pair() in seen)
    steps: list[tuple[int, int]] = []
    for _ in range(3):
        steps.append((0, 1))
        steps += [d for d in GRID]
    print(len(steps), steps[:5], sorted(steps)[:3], max(steps), steps.count((0, 1)))
    steps.clear()
    keep = {"n": (u8(200), i8(-100))}
    print(keep, keep["n"][0] + 1)

    # A cycle through an instance that holds a nested static tuple: the
    # collector frees the instance and leaves the tuple alone.
    h = Holder(((1, "x"), None))
    h.me = h
    h2 = Holder(((1, "x"), True))
    print(h.tag, h2.tag, h.tag[0] is h2.tag[0])
    h = h2
    gc.collect()
    for name in ("ab", "cd"):
        print(name, ("ab", "cd").index(name), ("ab", "cd", "ab").count(name))
    total = 0
    for i in range(1000):
        total += (1, 2, 3, 4)[i % 4] + len(("x", "yy")[i % 2])
    print(total, h2.tag)


main()
