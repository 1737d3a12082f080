"""The result of `await` (a future's `__await__` generator, a coroutine)
and a finished coroutine's `StopIteration.value`, each an object whose
only reference is in the finished frame, read in functions where the
bounds pass removed a check.  The frame must outlive the reference taken
to its result; the use that kept it (a dead `Cast`) was dropped by that
pass, so the result was read from freed memory.  It is a `KeepAlive` op
now."""

from collections.abc import Coroutine, Generator

from pythos.lang import Array, i64


class Label:
    def __init__(self, text: str, n: int) -> None:
        self.text = text
        self.n = n


class Later:
    def __init__(self, n: int) -> None:
        self.n = n

    def __await__(self) -> Generator[None, None, Label]:
        yield
        return Label("later", self.n)


def checked_table() -> Array[i64, 8]:
    table = Array[i64, 8]()
    for i in range(4):
        table[i] = i64(i)  # a check the bounds pass removes
    return table


async def inner(n: int) -> Label:
    table = Array[i64, 8]()
    for i in range(4):
        table[i] = i64(i)
    label = await Later(n + int(table[1]))
    return Label(label.text + "!", label.n * 2)


async def outer(n: int) -> Label:
    table = Array[i64, 8]()
    for i in range(4):
        table[i] = i64(i)
    label = await inner(n + int(table[3]))
    filler = [Label("filler", k) for k in range(8)]  # reuses freed memory
    return Label(label.text, label.n + len(filler))


def run(coro: Coroutine[None, None, Label]) -> None:
    table = Array[i64, 8]()
    for i in range(4):
        table[i] = i64(i)
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            label = e.value
            print(label.text, label.n, int(table[3]))
            return


def main() -> None:
    run(outer(1))
    run(inner(5))
    print(int(checked_table()[2]))


if __name__ == "__main__":
    main()
