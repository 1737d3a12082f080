"""A suspended generator that is dropped runs its finally blocks and with exits;
an exception escaping that close is reported and ignored."""
import gc
from collections.abc import Generator, Iterator


class Session:
    def __init__(self, name: str) -> None:
        self.name = name
        self.task: Iterator[int] | None = None

    def __enter__(self) -> "Session":
        print("enter", self.name)
        return self

    def __exit__(self, *exc: object) -> None:
        print("exit", self.name)


def guarded(name: str) -> Iterator[int]:
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)


def in_with(name: str) -> Iterator[int]:
    with Session(name):
        yield 1
        yield 2


def in_except(name: str) -> Iterator[int]:
    try:
        raise KeyError(name)
    except KeyError as e:
        print("handling", e)
        yield 1
        print("not reached")


def failing(n: int) -> Generator[int, None, None]:
    try:
        yield n
    finally:
        print("cleanup of", n)
        raise ValueError(f"cleanup {n} failed")


def plain(n: int) -> Iterator[int]:
    yield n
    yield n + 1


def looped(session: Session) -> Iterator[int]:
    try:
        for i in range(10):
            yield i
    finally:
        print("finally of the task of", session.name)


def step(g: Iterator[int]) -> None:
    print("step", next(g))


def drop_at_return() -> None:
    g = guarded("at return")
    step(g)
    print("returning")


def make_cycle() -> None:
    s = Session("cycle")
    s.task = looped(s)
    step(s.task)
    step(s.task)


def main() -> None:
    drop_at_return()
    g = guarded("rebound")
    step(g)
    g = guarded("second")
    print("rebound")
    step(g)
    w = in_with("w")
    step(w)
    w = plain(7)
    e = in_except("e")
    step(e)
    e = plain(8)
    f = failing(3)
    step(f)
    f = failing(4)
    print("after the failing close")
    p = plain(1)
    step(p)
    p = plain(2)
    make_cycle()
    print("collecting")
    gc.collect()
    print("end of main")


if __name__ == "__main__":
    main()
