"""`async for` and asynchronous generators in the IR (issue 12): the
generator's `yield` answers "an item" (2) where its `await` answers
"suspended" (1), and an `async for` over it tells them apart with no
exception at its end; over an `__anext__` class it catches
StopAsyncIteration.  One compile, no run: the behaviour is the
differential programs' (tests/programs/exc/coro_async_*.py)."""

from __future__ import annotations

from pathlib import Path

from .test_coroutines import function_dump, pythos

SOURCE = '''\
from collections.abc import AsyncIterator, Generator


class Tick:
    def __await__(self) -> Generator[None, None, None]:
        yield


class Countdown:
    def __init__(self, n: int) -> None:
        self.n = n

    def __aiter__(self) -> "Countdown":
        return self

    async def __anext__(self) -> int:
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def count(n: int) -> AsyncIterator[int]:
    for i in range(n):
        await Tick()
        yield i


async def total(n: int) -> int:
    s = 0
    async for x in count(n):
        s += x
    async for y in Countdown(n):
        s += y
    return s


def main() -> None:
    total(3).close()


if __name__ == "__main__":
    main()
'''


def test_async_generator_statuses_and_the_loops_that_read_them(tmp_path: Path) -> None:
    source = tmp_path / "agen.py"
    source.write_text(SOURCE)
    result = pythos("compile", "--dump=ir", "-O0", str(source))
    assert result.returncode == 0, result.stderr
    gen = "\n".join(function_dump(result.stdout, "def __main__.count.resume("))
    # The `yield` is an item; the await's suspension (the yield from loop
    # over Tick's generator) is not.
    assert "yield i (an item), state 2" in gen
    assert gen.count("(an item)") == 1
    # PEP 525 at the error exit.
    assert "call pythos.rt.obj.coroutine.agen_stop_escapes(" in gen
    loop = function_dump(result.stdout, "def __main__.total.resume(")
    # Over the generator: one step call per turn, branching on its answer;
    # no StopAsyncIteration is made or caught for its end.
    blocks: dict[str, list[str]] = {}
    label = ""
    for line in loop:
        if line.startswith("L") and "#" in line:
            label = line.split("#", 1)[1].strip()
        blocks.setdefault(label, []).append(line)
    agen = "\n".join(line for name, lines in blocks.items() if name.startswith("agen.")
                     for line in lines)
    assert "call pythos.rt.obj.coroutine.agen_step(" in agen
    for exception_work in ("exc_save", "exc_matches", "exc_object", "exc_raise"):
        assert exception_work not in agen
    # Over the class: __anext__ awaited under a handler that matches
    # StopAsyncIteration.
    text = "\n".join(loop)
    assert "call __main__.Countdown.__anext__(" in text
    assert "typeinfo pythos.rt.exceptions.StopAsyncIteration" in text
    assert "call pythos.rt.obj.exc.exc_matches(async_for.caught" in text
