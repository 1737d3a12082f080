"""Coroutine objects: a generator frame with another type (issue 12).

The compiler turns `async def f()` into a creation function and a resume
function exactly as it does a generator function
(pythos/ir/build/coroutines.py), and `await x` into the loop of `yield
from`; so the frame, its states and `gen_resume` are generator.py's.  What
differs is what a program may do with a coroutine, and CPython's words
for the mistakes, which need to know that a frame is a coroutine's: its
TypeInfo carries the COROUTINE flag beside GENERATOR.

- `coro.send(v)` (`coro_send`): a finished coroutine cannot be resumed
  again ("cannot reuse already awaited coroutine", RuntimeError, where a
  generator would raise StopIteration once more), and the end is not
  raised here: the compiled caller reads the result out of the frame and
  raises StopIteration itself, lazily, with no exception object (see
  ir/build/coroutines.py);
- `await c` of a coroutine already finished is the same RuntimeError
  (`coro_await`);
- a coroutine dropped before it ever ran is CPython's "coroutine 'f' was
  never awaited", printed to standard error (`coro_never_awaited`, called
  by the frame's `clear` in state 0).
"""

from typing import Final

from pythos.lang import Ptr, call_addr, i32, i64, u8, u32, u64
from pythos.rt.core import flush
from pythos.rt.obj.generator import GEN_FINISHED, GEN_RESUME, GEN_RUNNING, GEN_STATE, GEN_VALUE
from pythos.rt.obj.object import (
    ERR_RUNTIME,
    ERR_TYPE,
    ERR_VALUE,
    obj_raise,
    str_from_ascii,
    type_of,
)
from pythos.rt.platform import platform_write

# TypeInfo.flags of a coroutine's frame (beside GENERATOR, 2, TRACKED, 1, and
# the GEN_* flags of generator.py, 4 to 16).
COROUTINE: Final = u32(32)


def is_coroutine(obj: u64) -> bool:
    return (type_of(obj)[0].flags & COROUTINE) != 0


def coro_state(g: u64) -> i64:
    return Ptr[i64](g + GEN_STATE)[0]


def coro_check(g: u64, sent: u64, may_be_none: bool) -> bool:
    """Whether coroutine `g` may be resumed with `sent`; else the error
    CPython raises is pending."""
    state = coro_state(g)
    if state == GEN_FINISHED:
        obj_raise(ERR_RUNTIME, str_from_ascii(b"cannot reuse already awaited coroutine"))
        return False
    if state == GEN_RUNNING:
        obj_raise(ERR_VALUE, str_from_ascii(b"coroutine already executing"))
        return False
    if state == 0 and (sent != 0 or not may_be_none):
        obj_raise(ERR_TYPE,
                  str_from_ascii(b"can't send non-None value to a just-started coroutine"))
        return False
    return True


def coro_send(g: u64, sent: u64, may_be_none: bool, out: u64) -> u64:
    """`g.send(v)`: run the coroutine to its next suspension (1; what the
    innermost `__await__` yielded is in `*out`) or to its end (0; the
    result stays in the frame, and the caller raises StopIteration).  On
    an error (raised by the body, or a misuse) the error is pending and
    the result is 0."""
    state = coro_state(g)
    if state <= 0 and not coro_check(g, sent, may_be_none):
        return u64(0)
    # Neither running nor finished: straight to the resume function
    # (gen_resume would test the state again).
    return call_addr(Ptr[u64](g + GEN_RESUME)[0], g, sent, out)


def coro_await(g: u64) -> None:
    """Before `await g`: a coroutine is awaited once (CPython's
    RuntimeError for a finished one, ValueError for one running)."""
    coro_check(g, u64(0), True)


def coro_never_awaited(text: u64, length: u64) -> None:
    """A coroutine is released in state 0, before it ever ran: CPython's
    warning, "RuntimeWarning: coroutine 'f' was never awaited" (a constant
    the compiler made, `length` bytes at `text`), printed to standard
    error when the object goes, as CPython does.  CPython also shows the
    file and line where the object was collected, and a hint about
    tracemalloc; those are left out.  No allocation: the frame is being
    released, perhaps by the cycle collector."""
    flush()
    platform_write(i32(2), Ptr[u8](text), length)


def coro_result(g: u64) -> u64:
    """The slot of finished coroutine `g`'s result (borrowed): `e.value`
    of the StopIteration its send raised.  Only a handler of that send
    reads it (check/coroutines.py); anything else is a RuntimeError, not
    a read of a frame that has no result."""
    if g == 0 or coro_state(g) != GEN_FINISHED:
        obj_raise(ERR_RUNTIME, str_from_ascii(b"StopIteration.value: the coroutine has not "
                                              b"finished"))
        return u64(0)
    return Ptr[u64](g + GEN_VALUE)[0]
