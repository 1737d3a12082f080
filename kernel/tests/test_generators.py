"""In-kernel tests of generators (issue 12): frames made on the kernel
heap, driven by for loops, next() and send(), delegated to with
yield from, a generator expression kept as a value, and one dropped
half-way; thrown into, closed, and dropped inside a `try` so that its
`finally` runs.  Everything is freed again: the object count and the
kernel heap must be back at their baselines."""

from collections.abc import Generator, Iterator

import kernel.mm.heap as heap
from pythos.rt.alloc import obj_stats, obj_trim


def countdown(n: int) -> Iterator[int]:
    while n > 0:
        yield n
        n -= 1


def labels(prefix: str, n: int) -> Iterator[str]:
    for i in range(n):
        yield f"{prefix}{i}"


def tree(depth: int) -> Iterator[int]:
    if depth > 0:
        yield from tree(depth - 1)
        yield depth
        yield from tree(depth - 1)


def accumulate() -> Generator[int, int, int]:
    total = 0
    while total < 100:
        got = yield total
        total += got
    return total


class Retry(Exception):
    pass


class Log:
    def __init__(self) -> None:
        self.lines: list[str] = []


def worker(log: Log, name: str) -> Generator[int, None, None]:
    n = 0
    try:
        while True:
            try:
                yield n
                n += 1
            except Retry:
                log.lines.append(f"{name} retries {n}")
    finally:
        log.lines.append(f"{name} done at {n}")


def delegating(log: Log) -> Generator[int, None, None]:
    yield from worker(log, "inner")


def start_and_drop(log: Log) -> None:
    w = worker(log, "dropped")
    assert next(w) == 0


def throw_and_close() -> None:
    log = Log()
    w = worker(log, "w")
    assert next(w) == 0 and next(w) == 1
    assert w.throw(Retry()) == 1  # caught at the yield: it yields again
    w.close()  # its finally runs
    try:
        w.throw(ValueError("closed"))
        assert False, "a closed generator raises what is thrown"
    except ValueError:
        pass
    d = delegating(log)
    assert next(d) == 0 and d.throw(Retry()) == 0
    d.close()
    start_and_drop(log)
    assert log.lines == ["w retries 1", "w done at 1", "inner retries 0", "inner done at 0",
                         "dropped done at 0"]


def drive() -> None:
    throw_and_close()
    assert sum(countdown(10)) == 55
    names = list(labels("irq", 3))
    assert names == ["irq0", "irq1", "irq2"]
    assert len(list(tree(6))) == 63 and max(tree(4)) == 4
    acc = accumulate()
    assert next(acc) == 0 and acc.send(40) == 40 and acc.send(50) == 90
    half = labels("x", 1000)
    assert next(half) == "x0"
    squares = (n * n for n in countdown(5))
    assert next(squares) == 25 and list(squares) == [16, 9, 4, 1]
    alive = [countdown(3) for _ in range(50)]
    assert sum(next(g) for g in alive) == 150


def test_generators_on_the_kernel_heap_all_go_back() -> None:
    obj_trim()
    live = obj_stats().live
    used = heap.stats().bytes_used
    drive()
    obj_trim()
    assert obj_stats().live == live, "every generator and what it held was freed"
    assert heap.stats().bytes_used == used, "the kernel heap is back at its baseline"
