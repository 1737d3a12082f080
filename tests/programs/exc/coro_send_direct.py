"""`send` to a coroutine suspended in an `await` resumes the awaited frame
directly (docs/compiler.md, "Coroutines"): the coroutine's own body runs
only when that frame ends or lets an error out.  Everything must look as
if the coroutine had resumed it: the value of the `await` when the inner
frame returns, an exception from it (caught around the `await`, or
escaping, with the coroutine's frame in the traceback), "coroutine
already executing" for a send from the inner body, a finished
coroutine's RuntimeError, throw and close while suspended there, a drop
there, and an `await` of a coroutine that itself awaits."""

from collections.abc import Generator
from typing import Any, Coroutine


class Steps:
    """Suspends `n` times, then returns `n * 10`, or raises if `fail`."""

    def __init__(self, n: int, fail: bool) -> None:
        self.n = n
        self.fail = fail

    def __await__(self) -> Generator[None, None, int]:
        for i in range(self.n):
            try:
                yield
            except KeyError as e:
                print("inner caught", repr(e), "at step", i)
            finally:
                print("inner step", i, "done")
        if self.fail:
            raise ValueError(f"failed after {self.n}")
        return self.n * 10


class Reentrant:
    """Sends to the coroutine that awaits it, from its own body."""

    def __init__(self, holder: list[Coroutine[Any, Any, int]]) -> None:
        self.holder = holder

    def __await__(self) -> Generator[None, None, int]:
        yield
        try:
            self.holder[0].send(None)
        except ValueError as e:
            print("send from inside:", e)
        return 7


async def total(n: int) -> int:
    a = await Steps(n, False)
    b = await Steps(1, False)
    return a + b


async def guarded(n: int) -> int:
    try:
        await Steps(n, True)
    except ValueError as e:
        print("caught", e)
        return -1
    return 0


async def middle(n: int) -> int:
    return await total(n) + 1


async def outer(n: int) -> int:
    x = await middle(n)
    y = await Steps(2, False)
    return x + y


async def escaping() -> int:
    return await Steps(2, True)


async def reenter(holder: list[Coroutine[Any, Any, int]]) -> int:
    return await Reentrant(holder)


def drive(c: Coroutine[Any, Any, int]) -> int:
    sends = 0
    while True:
        try:
            c.send(None)
        except StopIteration as e:
            result: int = e.value
            print("finished after", sends, "sends with", result)
            return result
        sends += 1


def drop_suspended() -> None:
    e = total(3)
    e.send(None)


def main() -> None:
    drive(total(3))
    drive(guarded(2))
    drive(outer(2))
    holder: list[Coroutine[Any, Any, int]] = []
    c = reenter(holder)
    holder.append(c)
    drive(c)
    holder.clear()
    # A finished coroutine cannot be sent to again.
    try:
        c.send(None)
    except RuntimeError as e:
        print("again:", e)
    # Thrown into while suspended in the await: the inner frame catches
    # it and suspends again; then a send goes on.
    t = total(2)
    t.send(None)
    t.throw(KeyError("k"))
    drive(t)
    # Closed while suspended there: the inner frame's finally runs.
    d = total(3)
    d.send(None)
    d.send(None)
    d.close()
    print("closed")
    # Dropped while suspended there: the same.
    drop_suspended()
    print("dropped")
    # An error escaping the inner frame and the coroutine: the traceback
    # shows both frames and this one.
    drive(escaping())


if __name__ == "__main__":
    main()
