"""Futures of time: ``sleep_ms``, ``yield_now`` and ``with_timeout``.

A future is an object with ``__await__``, a generator that yields (None)
each time it cannot finish yet and returns its result when it can.  Before
each ``yield`` it makes sure something will wake the task, here a timer
entry or the task itself; after each resume it checks its condition again,
since a poll may come for another reason (a spurious wake is allowed
everywhere, a missing one nowhere).

``sleep_ms`` measures against the clock's milliseconds (``Executor.now``,
``clock.uptime_ms`` in the kernel), never by counting polls or ticks.
"""

from collections.abc import Coroutine, Generator
from typing import Any

from kernel.task.executor import SLEEPING, WAITING, running
from pythos.lang import u64

U64_MAX = u64(0xFFFFFFFFFFFFFFFF)


def deadline_after(now: u64, ms: u64) -> u64:
    """``now + ms``, saturating rather than wrapping."""
    if ms > U64_MAX - now:
        return U64_MAX
    return now + ms


class Sleep:
    """``await sleep_ms(n)``: resume once the clock has advanced ``n`` ms."""

    def __init__(self, ms: u64) -> None:
        self.ms = ms

    def __await__(self) -> Generator[None, None, None]:
        executor = running()
        task = executor.this_task()
        deadline = deadline_after(executor.now(), self.ms)
        armed = False
        while executor.now() < deadline:
            if not armed:
                armed = executor.add_timer(deadline, task)
            if not armed:
                # The timer heap is full: look again at the next pass
                # rather than fail (the heap counted the refusal).
                executor.wake(task)
            task.state = SLEEPING
            yield


def sleep_ms(ms: u64) -> Sleep:
    """Sleep for at least ``ms`` milliseconds (0: do not suspend at all)."""
    return Sleep(ms)


class YieldNow:
    """``await yield_now()``: let every task woken before this one run first."""

    def __await__(self) -> Generator[None, None, None]:
        executor = running()
        executor.wake(executor.this_task())
        yield


def yield_now() -> YieldNow:
    return YieldNow()


class Suspend:
    """``await suspend()``: wait for the task's next wake, whoever sends it.

    The building block of a future whose waker is set up by hand: register
    the task's slot somewhere (``current_task().slot``), then suspend.
    """

    def __await__(self) -> Generator[None, None, None]:
        task = running().this_task()
        task.state = WAITING
        yield


def suspend() -> Suspend:
    return Suspend()


class WithTimeout:
    """``await with_timeout(ms, work)``: True if the coroutine ``work``
    finished within ``ms`` milliseconds, False if the time ran out first
    (``work`` is then closed, so its ``finally`` blocks run).  Its result,
    if it has one, stays where ``work`` put it::

        async def key_arrives(key: NextKey) -> None:
            await key

        key = next_key()
        if await with_timeout(u64(100), key_arrives(key)):
            use(key.event)

    ``work`` is a coroutine rather than any awaitable because Pythos types
    a value by its class: an ``Awaitable[T]`` parameter takes coroutines,
    not instances of classes with ``__await__`` (docs/language.md,
    "Coroutines"), and a coroutine returning None can wrap any of them.
    """

    def __init__(self, ms: u64, work: Coroutine[Any, Any, None]) -> None:
        self.ms = ms
        self.inner = work

    def __await__(self) -> Generator[None, None, bool]:
        executor = running()
        task = executor.this_task()
        deadline = deadline_after(executor.now(), self.ms)
        steps = self.inner
        armed = False
        try:
            while True:
                try:
                    steps.send(None)
                except StopIteration:
                    return True
                if executor.now() >= deadline:
                    return False
                if not armed:
                    armed = executor.add_timer(deadline, task)
                if not armed:
                    executor.wake(task)
                yield
        finally:
            steps.close()


def with_timeout(ms: u64, work: Coroutine[Any, Any, None]) -> WithTimeout:
    return WithTimeout(ms, work)
