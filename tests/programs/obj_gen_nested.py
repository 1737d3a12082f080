"""Generators nested in other functions: closures over the enclosing
variables (read when the generator runs), in a method, recursive, inside
another generator, closed with a finally."""
from collections.abc import Generator, Iterator


def make_counter(start: int, label: str) -> Iterator[str]:
    step = 2

    def counter(n: int) -> Iterator[str]:
        for i in range(n):
            yield f"{label}{start + i * step}"

    return counter(3)


def outer(words: list[str]) -> list[str]:
    seen: list[str] = []

    def walk() -> Generator[str, None, int]:
        try:
            for w in words:
                seen.append(w)
                yield w.upper()
        finally:
            seen.append("closed")
        return len(seen)

    g = walk()
    first = next(g)
    g.close()
    return [first] + seen + list(walk())



def tree_walk(depth: int) -> list[int]:
    def walk(d: int) -> Iterator[int]:
        if d > 0:
            yield from walk(d - 1)
            yield d
            yield from walk(d - 1)

    return list(walk(depth))


def late_binding() -> list[str]:
    label = "before"

    def gen() -> Iterator[str]:
        yield label
        yield label

    g = gen()
    out = [next(g)]
    label = "after"
    out.append(next(g))
    return out


def outer_gen(n: int) -> Iterator[int]:
    def inner(k: int) -> Iterator[int]:
        for i in range(k):
            yield i * n

    for k in range(n):
        yield from inner(k)


class Box:
    def __init__(self, items: list[int]) -> None:
        self.items = items

    def pairs(self) -> Iterator[tuple[int, int]]:
        def each() -> Generator[int, None, None]:
            for x in self.items:
                yield x

        for x in each():
            yield (x, x * x)


def no_captures() -> list[int]:
    def plain() -> Iterator[int]:
        yield 1
        yield 2

    return list(plain()) + list(plain())


def main() -> None:
    print(list(make_counter(10, "n")))
    print(outer(["a", "b"]))

    print(tree_walk(3))
    print(late_binding())
    print(list(outer_gen(3)))
    print(list(Box([1, 2, 3]).pairs()))
    print(no_captures())


if __name__ == "__main__":
    main()
