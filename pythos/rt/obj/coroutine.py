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

An asynchronous generator (PEP 525) is a generator frame too, whose
resume function has three answers instead of two (ir/build/asyncs.py):
AGEN_YIELDED when its body reached a `yield` (the item in `*out`),
AGEN_AWAITING when an `await` inside it suspended (None in `*out`: the
coroutine awaiting the generator suspends as well, out to the driver),
and AGEN_ENDED at its end, with an error pending if one escaped.  Its
flags are a plain generator's: nothing here needs to know more.
"""

from typing import Final

from pythos.lang import Ptr, call_addr, i32, i64, u8, u32, u64
from pythos.rt.core import flush
from pythos.rt.obj.exc import exc_raise, materialize
from pythos.rt.obj.generator import (
    GEN_EXIT_KIND,
    GEN_FINISHED,
    GEN_RESUME,
    GEN_RUNNING,
    GEN_STATE,
    GEN_VALUE,
    is_instance_of,
)
from pythos.rt.obj.object import (
    ERR_NONE,
    ERR_RUNTIME,
    ERR_STOP_ITERATION,
    ERR_TYPE,
    ERR_VALUE,
    error,
    obj_decref,
    obj_error_clear,
    obj_raise,
    str_from_ascii,
    type_of,
)
from pythos.rt.platform import platform_write

# TypeInfo.flags of a coroutine's frame (beside GENERATOR, 2, TRACKED, 1, and
# the GEN_* flags of generator.py, 4 to 16).
COROUTINE: Final = u32(32)
# A coroutine's frame has one word more than a generator's, before its
# registers (pythos/lower/generators.py): while it is suspended in an
# `await` of a generator or coroutine frame, that frame (borrowed: a
# register of the coroutine holds it), else 0.  See `coro_send`.
CORO_AWAITING: Final = u64(40)


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
    # Neither running nor finished.  Suspended in an `await`, the coroutine
    # would only resume the frame it awaits and, if that suspends again,
    # suspend too: so resume that frame directly, this one marked running
    # meanwhile, as it would be (a send to it from the inner body is the
    # same ValueError).  Only if the inner frame ends, or an error escapes
    # it, does this one run: from its state + 1, the await's entry that
    # goes on as the loop does after the inner resume returned False
    # (ir/build/generators.py, `delegate_to`).  A throw or close takes the
    # ordinary way in, through the await's own state.
    inner = Ptr[u64](g + CORO_AWAITING)[0]
    if inner != 0 and Ptr[i64](inner + GEN_STATE)[0] >= 0:
        Ptr[i64](g + GEN_STATE)[0] = GEN_RUNNING
        if call_addr(Ptr[u64](inner + GEN_RESUME)[0], inner, sent, out) != 0:
            Ptr[i64](g + GEN_STATE)[0] = state
            return u64(1)
        Ptr[i64](g + GEN_STATE)[0] = state + 1
    # (gen_resume would test the state again.)
    return call_addr(Ptr[u64](g + GEN_RESUME)[0], g, sent, out)


def coro_awaiting(g: u64, inner: u64) -> None:
    """Record (at an `await`'s suspension) or forget (0, where the
    coroutine resumes) the frame that coroutine `g` awaits."""
    Ptr[u64](g + CORO_AWAITING)[0] = inner


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


def gen_finished(g: u64) -> bool:
    return coro_state(g) == GEN_FINISHED


def gen_result(g: u64, none_ok: bool) -> u64:
    """`e.value` after a `next(g)`, `g.send(v)` or `g.throw(e)` of a
    generator: its `return` value (borrowed) if that call finished it; g
    is 0 if the generator had finished before the call.  Any other
    StopIteration has the value None, as in CPython, where the
    generator's return type can hold None (`none_ok`); where it cannot,
    a RuntimeError says so instead of giving a value of the wrong type."""
    if g != 0 and gen_finished(g):
        return Ptr[u64](g + GEN_VALUE)[0]
    if not none_ok:
        obj_raise(ERR_RUNTIME, str_from_ascii(
            b"StopIteration.value is None here (not the end of the generator the 'try' "
            b"resumed), which its return type cannot hold"))
    return u64(0)


# ----- asynchronous generators ------------------------------------------------------
AGEN_ENDED: Final = u64(0)
AGEN_AWAITING: Final = u64(1)
AGEN_YIELDED: Final = u64(2)


def agen_step(g: u64, sent: u64, out: u64) -> u64:
    """Resume asynchronous generator `g` with `sent` (an error pending is
    thrown in, as for a generator): AGEN_YIELDED, AGEN_AWAITING or
    AGEN_ENDED (see the module docstring).  A finished one ends at once
    (with the thrown error, if any, still pending); one already running
    (its own body awaits its next item) is CPython's RuntimeError."""
    state = coro_state(g)
    if state == GEN_RUNNING:
        obj_raise(ERR_RUNTIME, str_from_ascii(
            b"anext(): asynchronous generator is already running"))
        return AGEN_ENDED
    if state == GEN_FINISHED:
        return AGEN_ENDED
    return call_addr(Ptr[u64](g + GEN_RESUME)[0], g, sent, out)


def agen_send_check(g: u64, sent: u64, may_be_none: bool) -> None:
    """Before `await g.asend(v)`: a generator not started yet takes only
    None (CPython's TypeError).  `may_be_none` says whether a 0 slot is
    None (an object type) or the integer 0."""
    if coro_state(g) == 0 and (sent != 0 or not may_be_none):
        obj_raise(ERR_TYPE, str_from_ascii(
            b"can't send non-None value to a just-started async generator"))


def agen_close_start(g: u64, make: u64) -> u64:
    """`await g.aclose()`, before its first step: 1 with GeneratorExit
    pending, to be thrown in where `g` is suspended; 0 when there is
    nothing to run (never started: it is finished now, and its `clear`
    released what the frame held; or already finished); 2, with CPython's
    RuntimeError pending, when `g` is running.  `make` is the program's
    `_make`, which makes the GeneratorExit."""
    state = coro_state(g)
    if state == GEN_FINISHED:
        return u64(0)
    if state == GEN_RUNNING:
        obj_raise(ERR_RUNTIME, str_from_ascii(
            b"aclose(): asynchronous generator is already running"))
        return u64(2)
    if state == 0:
        call_addr(type_of(g)[0].clear, g)
        return u64(0)
    exit = materialize(GEN_EXIT_KIND, u64(0), make)
    exc_raise(exit, u64(0), False)  # (the error state takes its own reference)
    obj_decref(exit)
    return u64(1)


def agen_error_is(ti: u64) -> bool:
    """Whether the pending error is an instance of the class `ti`: the
    GeneratorExit that closes a generator, which `aclose` takes quietly
    and which a coroutine closed while it awaits an item does not hand on
    to the generator (CPython's asend.close())."""
    return error.kind != ERR_NONE and error.exc != 0 and is_instance_of(error.exc, ti)


def agen_quiet_close(exit_ti: u64) -> bool:
    """After the last step of `aclose`: whether the generator ended
    quietly, with nothing pending or the GeneratorExit thrown in (then
    forgotten); False leaves another error pending, to propagate."""
    if error.kind == ERR_NONE:
        return True
    if agen_error_is(exit_ti):
        obj_error_clear()
        return True
    return False


def agen_stop_escapes(stop_async_ti: u64) -> None:
    """PEP 525's version of PEP 479, at the error exit of an asynchronous
    generator's body: a StopIteration or a StopAsyncIteration escaping it
    becomes RuntimeError, so that it cannot be taken for the end."""
    if error.kind == ERR_STOP_ITERATION:
        obj_error_clear()
        obj_raise(ERR_RUNTIME, str_from_ascii(b"async generator raised StopIteration"))
    elif agen_error_is(stop_async_ti):
        obj_error_clear()
        obj_raise(ERR_RUNTIME, str_from_ascii(b"async generator raised StopAsyncIteration"))
