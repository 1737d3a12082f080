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

`resume(frame, sent, out)` writes the next item to `out` (a new
reference, or an integer slot) and returns 1, or returns 0 when the body
has ended (a full word: `call_addr` reads the whole result register, and
a bool would leave the upper bits undefined): `iter_next`'s contract, so `iter_next` hands
a generator to `gen_resume` and every loop and consumer works unchanged.
"""

from typing import Final

from pythos.lang import Ptr, call_addr, i64, u32, u64
from pythos.rt.obj.object import (
    ERR_RUNTIME,
    ERR_STOP_ITERATION,
    ERR_TYPE,
    ERR_VALUE,
    KIND_INSTANCE,
    error,
    obj_error_clear,
    obj_raise,
    str_from_ascii,
    type_of,
)

GEN_STATE: Final = u64(16)
GEN_RESUME: Final = u64(24)
GEN_VALUE: Final = u64(32)
GEN_RUNNING: Final = i64(-2)
GEN_FINISHED: Final = i64(-1)
# TypeInfo.flags of a generator's frame (beside TRACKED, 1).
GENERATOR: Final = u32(2)


def is_generator(obj: u64) -> bool:
    info = type_of(obj)
    return info[0].kind == KIND_INSTANCE and (info[0].flags & GENERATOR) != 0


def gen_resume(g: u64, sent: u64, out: u64) -> bool:
    """Run generator `g` to its next `yield` (True, the item in `*out`) or
    to its end (False).  A generator that is running, because its own body
    resumed it, is CPython's ValueError."""
    state = Ptr[i64](g + GEN_STATE)[0]
    if state < 0:
        if state == GEN_RUNNING:
            obj_raise(ERR_VALUE, str_from_ascii(b"generator already executing"))
        return False
    return call_addr(Ptr[u64](g + GEN_RESUME)[0], g, sent, out) != 0


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
    obj_raise(ERR_STOP_ITERATION, u64(0))
    return False


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
