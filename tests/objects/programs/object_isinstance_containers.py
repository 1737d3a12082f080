"""isinstance() against the containers (issue 11): list, tuple, dict,
set, frozenset and bytearray are told apart by the kind of the object's
TypeInfo, whatever their item types.  The test narrows an Optional
container to the container (and its negation to None), as mypy does."""

from typing import Optional


def describe(o: object) -> str:
    if isinstance(o, list):
        return "a list"
    if isinstance(o, tuple):
        return "a tuple"
    if isinstance(o, dict):
        return "a dict"
    if isinstance(o, frozenset):
        return "a frozenset"
    if isinstance(o, set):
        return "a set"
    if isinstance(o, bytearray):
        return "a bytearray"
    if isinstance(o, bytes):
        return "bytes"
    if isinstance(o, str):
        return "a str"
    if isinstance(o, bool):
        return "a bool"
    if isinstance(o, int):
        return "an int"
    return "something else"


def total(xs: Optional[list[int]]) -> int:
    if isinstance(xs, list):
        return sum(xs)
    return -1


def size(d: dict[str, int] | None) -> int:
    if not isinstance(d, dict):
        print("no dict:", d is None)
        return 0
    return len(d)


def first(t: tuple[int, ...] | None) -> int:
    if isinstance(t, tuple) and len(t) > 0:
        return t[0]
    return 0


class P:
    pass


def main() -> None:
    empty: list[str] = []
    things: list[object] = [[1, 2], (1, "a"), {"k": 1}, {1, 2}, frozenset({3}),
                            bytearray(b"x"), b"y", "z", True, 7, None, P(), empty, ()]
    for t in things:
        print(describe(t))
    print(total([1, 2, 3]), total(None))
    print(size({"a": 1}), size(None))
    print(first((5, 6)), first(()), first(None))
    nested: list[object] = [[[1]], ({2: 3},)]
    print([describe(x) for x in nested], sum(1 for x in nested if isinstance(x, list)))


if __name__ == "__main__":
    main()
