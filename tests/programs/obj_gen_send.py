"""send() and yield from: a running average fed by send, values passed
in through a delegating generator (yield from passes send on), the
return value of a Generator[Y, S, R] becoming the value of `yield from`,
delegation to lists, strs and other iterators, recursion (a tree walk),
and a finished generator staying finished."""
from collections.abc import Generator, Iterator
from dataclasses import dataclass


@dataclass
class Tree:
    value: int
    left: "Tree | None" = None
    right: "Tree | None" = None


def walk(node: Tree | None) -> Iterator[int]:
    if node is None:
        return
    yield from walk(node.left)
    yield node.value
    yield from walk(node.right)


def averager() -> Generator[int, int, int]:
    total = 0
    count = 0
    average = 0
    while True:
        value = yield average
        if value < 0:
            return count
        total += value
        count += 1
        average = total // count


def inner() -> Generator[int, int, str]:
    a = yield 1
    b = yield a + 10
    return f"sum={a + b}"


def outer() -> Generator[int, int, None]:
    result = yield from inner()
    print("inner returned", result)
    yield 99


def mixed() -> Iterator[str]:
    yield from ["a", "b"]
    yield from "cd"
    yield from words()
    yield "end"


def words() -> Generator[str, None, int]:
    yield "x"
    yield "y"
    return 2


def counted() -> Generator[str, None, None]:
    n = yield from words()
    yield f"words gave {n}"


def main() -> None:
    tree = Tree(4, Tree(2, Tree(1), Tree(3)), Tree(6, Tree(5)))
    print(list(walk(tree)))
    avg = averager()
    print(next(avg))
    for v in [10, 20, 60]:
        print(avg.send(v))
    o = outer()
    print(next(o))
    print(o.send(5))
    print(o.send(7))
    print(next(o, -1), next(o, -1))
    print(list(mixed()))
    print(list(counted()))
    g = words()
    print(g.send(None), next(g))
    print(list(g), list(g))


if __name__ == "__main__":
    main()
