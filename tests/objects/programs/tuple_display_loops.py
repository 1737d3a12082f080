"""`for` loops over tuple displays, which the compiler walks without
making the tuple: every item is evaluated first, left to right; inner
displays are unpacked without a tuple; objects, str, break, continue,
else, return from the middle, a generator, comprehensions, and a
display too long to be picked from, which is a tuple as before."""

from collections.abc import Iterator


class Box:
    def __init__(self, v: int) -> None:
        self.v = v


def noisy(label: str, v: int) -> int:
    print("eval", label, v)
    return v


def neighbours(x: int, y: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
        if 0 <= nx < 3 and 0 <= ny < 3:
            out.append((nx, ny))
    return out


def first_big(a: int, b: int, c: int) -> int:
    for v in (a, b, c):
        if v > 10:
            return v
    return -1


def gen(a: Box, b: Box) -> Iterator[int]:
    for box in (a, b, Box(a.v + b.v)):
        yield box.v
        yield box.v * 10


def main() -> None:
    for v in (noisy("a", 1), noisy("b", 2), noisy("c", 3)):
        print("body", v)
    print(neighbours(0, 0), neighbours(1, 1))
    print(first_big(1, 20, 30), first_big(1, 2, 3))
    total = 0
    i = 0
    for i in (5, 6, 7, 8):
        if i == 6:
            continue
        if i == 8:
            break
        total += i
    else:
        total = -1
    print("total", total, "last", i)
    j = 0
    for j in (1, 2):
        total += j
    else:
        print("else ran", j)
    keep = Box(7)
    box = keep
    for box in (keep, Box(8), Box(keep.v * 2)):
        print("box", box.v)
    print("kept", keep.v, box.v)
    for word in ("alpha", "be" + "ta", str(len("gamma"))):
        print(word, len(word))
    for pair in ((1, "one"), (2, "two")):
        print(pair, pair[1])
    for n, (b, s) in ((1, (Box(3), "x")), (2, (keep, "y"))):
        print(n, b.v, s)
    print(list(gen(Box(1), Box(2))))
    print([x * x for x in (1, 2, 3)], {k: k + 1 for k in (4, 5)})
    print(sum(x for x in (10, 20, 30)), max((3, 9, 4)))
    flags = [f for f in (True, False, True) if f]
    print(flags)
    long = 0
    for k in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10):
        long += k
    print("long", long)
    for outer in (1, 2):
        for inner in (outer * 10, outer * 100):
            print(outer, inner)
    try:
        for d in (4, 2, 0, 1):
            print(12 // d)
    except ZeroDivisionError as e:
        print("caught", e)


if __name__ == "__main__":
    main()
