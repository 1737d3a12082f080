"""Generator objects: resuming a generator's frame (issue 12).

The compiler turns a generator function into a creation function, which
makes a *frame*, and a resume function, which runs the body from where it
stopped (pythos/ir/build/generators.py).  The frame is the generator
object.  Its first words are fixed; the rest is the resume function's
registers, laid out by the compiler (pythos/lower/generators.py):

    +--------+------+-------+--------+-------+--------------------------+
    | refcnt | type | state | resume | value | registers ...            |
    +--------+------+-------+--------+-------+--------------------------+
      0        8      16      24       32      40

`state` is 0 before the first resume, k while suspended at the k-th
`yield`, GEN_RUNNING while the body runs, and GEN_FINISHED once it has
returned; `resume` is the address of the resume function; `value` the
slot of the `return` value.  The frame's TypeInfo is an instance's
(KIND_INSTANCE) with the GENERATOR flag, and its compiler-made `clear`
releases what the registers hold in the frame's current state.

**The resume function's interface** (what `throw`, `close`, coroutines
and the executor build on):

    resume(frame: u64, sent: u64, out: u64) -> u64

- `frame` is the generator, and the caller owns a reference to it for
  the whole call: compiled code passes a value it owns (a variable's, or
  a temporary it releases after the call), and `gen_finalize` gives a
  dying frame one.  So a body that drops every other reference to its own
  generator (a global assigned, a list cleared) does not free the frame
  under its feet: it is released when the resume returns
  (tests/programs/exc/gen_self_drop.py);
- `sent` is the slot of the value `send` passes in (0 for None, and for
  `next()`), the value of the `yield` expression the body resumes at;
- `out` is the address of one word where a `yield` writes its item (a
  new reference for an object or a str);
- the result is 1 when the body yielded, 0 when it ended (a full word:
  `call_addr` reads the whole result register, and a bool would leave the
  upper bits undefined): `iter_next`'s contract, so `iter_next` hands a
  generator to `gen_resume` and every loop and consumer works unchanged.
- **The pending error is the throw.**  Every place a resume can start (the
  start of the body, and the block after each `yield`) first tests the
  runtime's error state, as after a call that can raise.  `throw(e)`
  records `e` as the pending error and resumes: the body sees it at the
  `yield` it is suspended at, and the ordinary exception edges do the
  rest (an `except` around the yield catches it, a `finally` runs, or it
  leaves through the error exit).  A resume with no error pending is a
  `next()` or `send()`.  When the body ends with an error pending, the
  resume function returns 0 and the frame is finished; the error is the
  caller's to propagate.

`close()` is a throw of GeneratorExit (`gen_close`).  A frame that is
dropped while suspended where a `finally`, an `except` or a `with` could
see the GeneratorExit is closed first: the compiler gives such a frame's
TypeInfo a `finalize` function (in the `vtable` word, which a generator's
TypeInfo has no other use for) that calls `gen_finalize` in those states
only.  Its `clear` calls it before it releases the registers, and the
cycle collector calls it before it clears anything (gc.py).  An exception
that escapes that close is reported as CPython reports an unraisable one
and forgotten.
"""

from typing import Final

import pythos.rt.core as core
from pythos.lang import Array, Ptr, addr_of, call_addr, i64, u8, u32, u64
from pythos.rt.core import capture_stop, flush, hex_digit, use_stderr, write_byte, write_str
from pythos.rt.obj.exc import (
    EXC_TB,
    Saved,
    exc_drop,
    exc_raise,
    exc_restore,
    exc_save,
    materialize,
    write_cstring,
    write_exc_line,
    write_tb,
)
from pythos.rt.obj.object import (
    ERR_NONE,
    ERR_RUNTIME,
    ERR_STOP_ITERATION,
    ERR_TYPE,
    ERR_VALUE,
    KIND_INSTANCE,
    ListObject,
    ObjHeader,
    TypeInfo,
    error,
    obj_decref,
    obj_error_clear,
    obj_incref,
    obj_raise,
    str_from_ascii,
    type_of,
)
from pythos.rt.obj.report import error_name, write_message
from pythos.rt.obj.strconv import str_from_i64

GEN_STATE: Final = u64(16)
GEN_RESUME: Final = u64(24)
GEN_VALUE: Final = u64(32)
GEN_RUNNING: Final = i64(-2)
GEN_FINISHED: Final = i64(-1)
# TypeInfo.flags of a generator's frame (beside TRACKED, 1).
GENERATOR: Final = u32(2)
# The items it yields are references (objects, or str where counted):
# an item a close() makes it yield must be released.
GEN_ITEM_REF: Final = u32(4)
# Its `return` value is a str, or an int: the StopIteration that reports
# its end shows it (gen_stop).
GEN_RESULT_STR: Final = u32(8)
GEN_RESULT_INT: Final = u32(16)
# The exception kind `_make` (pythos/rt/exceptions.py) turns into a
# GeneratorExit.  Never pending as a lazy error: it is made at once.
GEN_EXIT_KIND: Final = u32(17)
# What a step of `yield from` reports (gen_delegate_throw).
DELEGATE_FAILED: Final = u64(0)
DELEGATE_YIELDED: Final = u64(1)
DELEGATE_ENDED: Final = u64(2)


def is_generator(obj: u64) -> bool:
    info = type_of(obj)
    return info[0].kind == KIND_INSTANCE and (info[0].flags & GENERATOR) != 0


def gen_state(g: u64) -> i64:
    return Ptr[i64](g + GEN_STATE)[0]


def gen_resume(g: u64, sent: u64, out: u64) -> bool:
    """Run generator `g` to its next `yield` (True, the item in `*out`) or
    to its end (False).  A generator that is running, because its own body
    resumed it, is CPython's ValueError.  An error pending on entry is a
    throw (see the module docstring).

    Inlined wherever it is called (pythos/lower/inlining.py): one load and
    one test of the state, then the indirect call of the resume function.
    The other states go to `gen_not_resumable`, kept out of line, whose
    error message would otherwise cost every caller a frame."""
    state = Ptr[i64](g + GEN_STATE)[0]
    if state < 0:
        return gen_not_resumable(state)
    return call_addr(Ptr[u64](g + GEN_RESUME)[0], g, sent, out) != 0


def gen_not_resumable(state: i64) -> bool:
    """`gen_resume` of a frame that is running (CPython's ValueError) or
    finished (the end again): False."""
    if state == GEN_RUNNING:
        obj_raise(ERR_VALUE, str_from_ascii(b"generator already executing"))
    return False


def gen_send(g: u64, sent: u64, may_be_none: bool, out: u64) -> bool:
    """`g.send(v)`: the item written to `*out`; at the end, StopIteration.
    `sent` is v as a slot; `may_be_none` says whether a 0 slot is None (an
    object type) or the integer 0, which a just-started generator refuses."""
    state = Ptr[i64](g + GEN_STATE)[0]
    if state == 0 and (sent != 0 or not may_be_none):
        obj_raise(ERR_TYPE,
                  str_from_ascii(b"can't send non-None value to a just-started generator"))
        return False
    if gen_resume(g, sent, out):
        return True
    if error.kind == ERR_NONE:
        gen_stop(g)
    return False


def gen_throw(g: u64, exc: u64, out: u64) -> bool:
    """`g.throw(exc)`: raise `exc` (an exception object, borrowed) at the
    `yield` where `g` is suspended.  True with the item in `*out` if the
    generator yields again; False with an error pending otherwise: the
    exception (or another) escaped, or StopIteration if it returned.
    A just-started generator raises it at its start, where nothing can
    catch it (its frame shows the `def` line, as CPython's does); a
    finished one raises it directly."""
    state = Ptr[i64](g + GEN_STATE)[0]
    if state == GEN_RUNNING:
        obj_raise(ERR_VALUE, str_from_ascii(b"generator already executing"))
        return False
    exc_raise(exc, u64(0), False)
    if state == GEN_FINISHED:
        return False
    if gen_resume(g, u64(0), out):
        return True
    if error.kind == ERR_NONE:
        gen_stop(g)
    return False


def gen_stop(it: u64) -> None:
    """Raise the StopIteration that reports the end of iterator `it`.  A
    generator's shows its `return` value where that is a str or an int,
    as CPython's report does (`StopIteration: 5`); otherwise, and for
    other iterators, it has no message."""
    message = u64(0)
    if is_generator(it):
        flags = type_of(it)[0].flags
        value = Ptr[u64](it + GEN_VALUE)[0]
        if (flags & GEN_RESULT_STR) != 0 and value != 0:
            obj_incref(value)
            message = value
        elif (flags & GEN_RESULT_INT) != 0:
            message = str_from_i64(i64(value))
    obj_raise(ERR_STOP_ITERATION, message)


def is_instance_of(obj: u64, ti: u64) -> bool:
    t = type_of(obj)
    c = Ptr[TypeInfo](ti)
    return c[0].class_id <= t[0].class_id and t[0].class_id <= c[0].class_last


def gen_close(g: u64, make: u64) -> bool:
    """`g.close()`: throw GeneratorExit in.  False (and nothing pending) if
    the generator ended: GeneratorExit or StopIteration escaped, or it
    returned; True with an error pending if another exception escaped, or
    with RuntimeError if it yielded instead.  A generator never started
    is only finished (its `clear` drops what its frame holds); a finished
    one is left alone.  `make` is the program's `_make`, which makes the
    GeneratorExit."""
    state = Ptr[i64](g + GEN_STATE)[0]
    if state == GEN_FINISHED:
        return False
    if state == GEN_RUNNING:
        obj_raise(ERR_VALUE, str_from_ascii(b"generator already executing"))
        return True
    if state == 0:
        call_addr(type_of(g)[0].clear, g)
        return False
    exit = materialize(GEN_EXIT_KIND, u64(0), make)
    exc_raise(exit, u64(0), False)
    out = Array[u64, 1]()
    if gen_resume(g, u64(0), addr_of(out).addr):
        if (type_of(g)[0].flags & GEN_ITEM_REF) != 0 and out[0] != 0:
            obj_decref(out[0])
        obj_decref(exit)
        obj_raise(ERR_RUNTIME, str_from_ascii(b"generator ignored GeneratorExit"))
        return True
    quiet = error.kind == ERR_NONE or error.kind == ERR_STOP_ITERATION or (
        error.exc != 0 and is_instance_of(error.exc, type_of(exit).addr))
    obj_decref(exit)
    if quiet:
        obj_error_clear()
        return False
    return True


def gen_finalize(g: u64, make: u64, name: u64) -> None:
    """Close a frame that is being dropped while suspended inside a `try`
    or `with` (CPython's `gen_dealloc`, which calls `close`): its `finally`
    blocks and `__exit__` methods run.  Called by the frame's `clear`,
    whose object may already be on its way out (its count word then links
    the release list), so the frame is given one reference for the close,
    and its word is put back after.  An error pending in the code that
    dropped it is hidden meanwhile; one that escapes the close is reported
    as CPython reports an unraisable exception, with `name` the
    generator's qualified name, and forgotten."""
    hidden_kind = error.kind
    hidden = u64(0)
    if hidden_kind != ERR_NONE:
        hidden = exc_save()
    h = Ptr[ObjHeader](g)
    word = h[0].refcnt
    h[0].refcnt = i64(1)
    if gen_close(g, make):
        report_unraisable(g, name)
    h[0].refcnt = word
    if hidden != 0:
        exc_restore(hidden)


def report_unraisable(g: u64, name: u64) -> None:
    """CPython's report of an exception nothing can catch (here: escaping
    the close of a dropped generator), then forget it:

        Exception ignored in: <generator object f at 0x7f...>
        Traceback (most recent call last):
          ...
        ValueError: message

    The address is the frame's, so it differs from CPython's.  Like
    CPython's default hook, it shows neither the cause nor the context."""
    previous = core.out_fd
    rec = exc_save()  # nothing pending while the report runs code
    s = Ptr[Saved](rec)
    flush()
    use_stderr()
    write_str("Exception ignored in: <")
    write_cstring(type_of(g)[0].name)  # generator, coroutine or async_generator
    write_str(" object ")
    write_cstring(name)
    write_str(" at 0x")
    write_hex(g)
    write_str(">\n")
    tb = s[0].tb
    if tb == 0 and s[0].exc != 0:
        tb = Ptr[u64](s[0].exc + EXC_TB)[0]
    if tb != 0 and Ptr[ListObject](tb)[0].length > 0:
        # (An error with no frames of its own, the RuntimeError of a
        # generator that ignored GeneratorExit, has none to show; CPython
        # shows the frame that dropped the generator, which is not known.)
        write_tb(tb)
    if s[0].exc != 0:
        write_exc_line(s[0].exc)
    else:
        write_str(error_name(s[0].kind))
        write_message(s[0].kind, s[0].message)
        write_str("\n")
    capture_stop(previous)
    exc_drop(rec)


def write_hex(v: u64) -> None:
    started = False
    shift = 60
    while shift >= 0:
        digit = u8((v >> u64(shift)) & 15)
        if digit != 0 or started or shift == 0:
            write_byte(hex_digit(digit))
            started = True
        shift -= 4


def gen_delegate_throw(inner: u64, out: u64, make: u64, exit_ti: u64) -> u64:
    """`yield from inner` was resumed with an error pending (a throw or a
    close of the outer generator): hand it on, as PEP 380 says.  A
    GeneratorExit closes `inner` and is raised again in the outer one;
    another exception is thrown into `inner`, if it is a generator.  The
    result: DELEGATE_YIELDED (the item in `*out`, to yield on),
    DELEGATE_ENDED (`inner` returned: its value is the `yield from`'s), or
    DELEGATE_FAILED with the error to propagate.  `make` is the program's
    `_make`, `exit_ti` GeneratorExit's TypeInfo."""
    if not is_generator(inner):
        return DELEGATE_FAILED
    rec = exc_save()
    exc = Ptr[u64](rec + 16)[0]  # Saved.exc: GeneratorExit is never lazy
    if exc != 0 and is_instance_of(exc, exit_ti):
        if gen_close(inner, make):
            # The inner close failed: that error replaces the GeneratorExit.
            exc_drop(rec)
            return DELEGATE_FAILED
        exc_restore(rec)
        return DELEGATE_FAILED
    exc_restore(rec)
    if gen_resume(inner, u64(0), out):
        return DELEGATE_YIELDED
    if error.kind != ERR_NONE:
        return DELEGATE_FAILED
    return DELEGATE_ENDED


def gen_return_value(g: u64) -> u64:
    """The slot of a finished generator's `return` value (borrowed)."""
    if not is_generator(g):
        return u64(0)
    return Ptr[u64](g + GEN_VALUE)[0]


def gen_stop_escapes() -> None:
    """PEP 479: a StopIteration that escapes a generator's body (a `next()`
    of an exhausted iterator there) becomes RuntimeError, so that it cannot
    be mistaken for the generator's own end.  Other errors are left as
    they are."""
    if error.kind == ERR_STOP_ITERATION:
        obj_error_clear()
        obj_raise(ERR_RUNTIME, str_from_ascii(b"generator raised StopIteration"))
