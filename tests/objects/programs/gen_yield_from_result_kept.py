"""`result = yield from inner` where the inner generator's frame holds the
only reference to its result, in a function where the bounds pass removed
a check.  The frame had to outlive the reference the outer generator takes
to the result, and the use that kept it (a dead `Cast`) was dropped by
that pass with the other unused pure ops: the frame, and the result with
it, was freed before it was read.  It is a `KeepAlive` op now."""

from collections.abc import Generator

from pythos.lang import Array, i64


class Label:
    def __init__(self, text: str, n: int) -> None:
        self.text = text
        self.n = n


def produce(n: int) -> Generator[int, None, Label]:
    yield n
    return Label("made", n * 10)


def relay(n: int) -> Generator[int, None, int]:
    table = Array[i64, 8]()
    for i in range(4):
        table[i] = i64(i)  # a check the bounds pass removes
    label = yield from produce(n + int(table[2]))
    filler = [Label("filler", k) for k in range(8)]  # reuses freed memory
    return label.n + len(filler)


def outer() -> Generator[int, None, None]:
    result = yield from relay(2)
    yield result


def main() -> None:
    total = 0
    for _ in range(3):
        for v in relay(1):
            total += v
    print(total)
    for v in outer():
        print(v)


if __name__ == "__main__":
    main()
