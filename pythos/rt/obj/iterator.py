"""Iterator objects: what `iter(x)` returns for a built-in iterable.

A `for` loop needs no object to iterate (the compiled loop keeps its
index or its dict position on the stack; pythos/ir/build/iterate.py),
but `it = iter(xs)`, `next(it)` and a class whose `__iter__` returns
`iter(self.items)` need the position in an object of its own, which
can be stored, passed and resumed.  An `IterObject` is the header, the
container it walks (a reference of its own), which kind of walk it is,
and the position:

    +--------+------+--------+----------+-----+------------+----------+
    | refcnt | type | source | what,pad | pos | tuple_type | state    |
    +--------+------+--------+----------+-----+------------+----------+

`pos` is a list's or tuple's index, a str's byte offset or enumerate's
count; `tuple_type` the TypeInfo of the tuples an iterator of pairs
makes (`d.items()`, `enumerate`, `zip`); a dict or
set keeps the runtime's own loop state (`DictIter`, whose first two
fields a `SetIter` shares), so that a change of size during the walk is
the RuntimeError CPython reports.  Like CPython's iterators, an iterator
drops its container when it reaches the end: it stays exhausted even if
the list grows afterwards.

`enumerate`, `zip` and `reversed` used as values (`e = enumerate(xs)`,
an `__iter__` that returns `zip(a, b)`) are iterators too: enumerate's
source is the iterator of its argument, zip's a tuple of iterators, and
each item is a tuple that takes over the references its parts came with.

`iter_next` writes the next item to an out slot as a new reference and
returns True, or returns False at the end (or after recording an error,
which the compiled caller checks).

Iterators are TRACKED by the cycle collector, as CPython's are: an
instance that keeps an iterator over a list holding the instance
(`self.rest = iter([self, ...])`) is a cycle through the iterator, and
the collector sees it only if the iterator shows its one reference,
`source` (`iter_traverse`). Everything else in an IterObject is a
position or a static TypeInfo. The collector breaks such a cycle with
`iter_kind_clear`, which drops `source` and leaves the iterator
exhausted, as if it had reached its end.
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, call_addr, func_addr, i64, struct, u8, u32, u64
from pythos.rt.obj.dict import DictIter, dict_iter_start, dict_next
from pythos.rt.obj.generator import gen_resume, is_generator
from pythos.rt.obj.items import default_repr, kind_in
from pythos.rt.obj.list import list_get, list_len
from pythos.rt.obj.object import (
    ERR_VALUE,
    KIND_DICT,
    KIND_FROZENSET,
    KIND_ITERATOR,
    KIND_LIST,
    KIND_SET,
    KIND_STR,
    KIND_TUPLE,
    TRACKED,
    TUPLE_ITEMS,
    KindOps,
    StrBuilder,
    TypeInfo,
    cstring,
    item_decref,
    obj_decref,
    obj_incref,
    obj_new,
    obj_raise,
    register_kind,
    str_from_ascii,
    type_of,
)
from pythos.rt.obj.set import set_iter_start, set_next
from pythos.rt.obj.str import str_char_at, str_data, str_nbytes, str_next_offset
from pythos.rt.obj.tuple import slots, tuple_get, tuple_len, tuple_new

# What an iterator walks (IterObject.what); the compiler passes these to
# `iter_new` (pythos/ir/build/iterate.py).
ITER_LIST: Final = u32(1)
ITER_TUPLE: Final = u32(2)
ITER_STR: Final = u32(3)
ITER_DICT_KEYS: Final = u32(4)
ITER_DICT_VALUES: Final = u32(5)
ITER_SET: Final = u32(6)
ITER_DICT_ITEMS: Final = u32(7)  # (key, value) tuples of type `tuple_type`
ITER_ENUMERATE: Final = u32(8)  # (count, item) over the iterator `source`
ITER_ZIP: Final = u32(9)  # over a tuple of iterators
ITER_REVERSED_LIST: Final = u32(10)
ITER_REVERSED_TUPLE: Final = u32(11)
ITER_REVERSED_STR: Final = u32(12)
ITER_RANGE: Final = u32(13)  # iter(range(...)): no source; RangeState at `state`


@struct
class IterObject:
    refcnt: i64
    type: u64
    source: u64  # the container (owned); 0 once the end was reached
    what: u32  # ITER_*
    pad: u32
    pos: i64  # index (list, tuple), byte offset (str), or enumerate's count
    tuple_type: u64  # the TypeInfo of the tuples it makes (items, enumerate, zip)
    state: DictIter  # a dict's or set's loop state


ITER_SIZE: Final = u64(72)
ITER_STATE: Final = u64(48)  # the offset of `state`


@struct
class RangeState:
    """Where `iter(range(start, stop, step))` is, kept in the iterator's
    `state` (the same 24 bytes a dict's loop state takes): the next value
    is the iterator's `pos`."""

    stop: i64
    step: i64
    remaining: i64  # values still to produce

ITER_TYPE = TypeInfo()
ITER_OPS = KindOps()
iter_name = Array[u8, 9]()


def iter_new(source: u64, what: u32, tuple_type: u64, start: i64) -> u64:
    """A new iterator over `source` (borrowed; the iterator takes its own
    reference), of kind `what` (ITER_*).  Iterators that make tuples are
    given their TypeInfo (`tuple_type`, else 0); `start` is enumerate's
    first count."""
    it = obj_new(addr_of(ITER_TYPE).addr, ITER_SIZE)
    p = Ptr[IterObject](it)
    obj_incref(source)
    p[0].source = source
    p[0].what = what
    p[0].tuple_type = tuple_type
    if what == ITER_DICT_KEYS or what == ITER_DICT_VALUES or what == ITER_DICT_ITEMS:
        dict_iter_start(source, it + ITER_STATE)
    elif what == ITER_SET:
        set_iter_start(source, it + ITER_STATE)
    elif what == ITER_ENUMERATE:
        p[0].pos = start
    elif what == ITER_REVERSED_LIST:
        p[0].pos = list_len(source) - 1
    elif what == ITER_REVERSED_TUPLE:
        p[0].pos = tuple_len(source) - 1
    elif what == ITER_REVERSED_STR:
        p[0].pos = i64(str_nbytes(source))
    return it


def iter_any(obj: u64) -> u64:
    """`iter(x)` of a value typed `Iterable[T]`, which may be a list, a
    tuple, a str, a dict, a set or an iterator (a generator too): a new
    iterator over a container, or the iterator itself (a new reference),
    as CPython's iter() gives it back.  Each loop over the value calls
    it, so a list passed as an Iterable can be walked twice."""
    kind = type_of(obj)[0].kind
    if kind == KIND_LIST:
        return iter_new(obj, ITER_LIST, u64(0), i64(0))
    if kind == KIND_TUPLE:
        return iter_new(obj, ITER_TUPLE, u64(0), i64(0))
    if kind == KIND_STR:
        return iter_new(obj, ITER_STR, u64(0), i64(0))
    if kind == KIND_DICT:
        return iter_new(obj, ITER_DICT_KEYS, u64(0), i64(0))
    if kind == KIND_SET or kind == KIND_FROZENSET:
        return iter_new(obj, ITER_SET, u64(0), i64(0))
    obj_incref(obj)
    return obj


def iter_range_new(start: i64, stop: i64, step: i64) -> u64:
    """`iter(range(start, stop, step))`: an iterator that holds no
    container, only its position; 0 and ValueError for a step of 0, as
    CPython's range() reports it.  The count of values is computed once,
    as CPython's range does (its length), so the walk never compares
    against `stop` and cannot overflow past it."""
    if step == 0:
        obj_raise(ERR_VALUE, str_from_ascii(b"range() arg 3 must not be zero"))
        return u64(0)
    count = i64(0)
    if step > 0 and start < stop:
        count = i64((u64(stop) - u64(start) - 1) // u64(step)) + 1
    elif step < 0 and start > stop:
        count = i64((u64(start) - u64(stop) - 1) // (u64(0) - u64(step))) + 1
    it = obj_new(addr_of(ITER_TYPE).addr, ITER_SIZE)
    p = Ptr[IterObject](it)
    p[0].what = ITER_RANGE
    p[0].pos = start
    state = Ptr[RangeState](it + ITER_STATE)
    state[0].stop = stop
    state[0].step = step
    state[0].remaining = count
    return it


def range_next(p: Ptr[IterObject], out: u64) -> bool:
    """The next value of an `iter(range(...))`, written to `out`."""
    state = Ptr[RangeState](p.addr + ITER_STATE)
    if state[0].remaining <= 0:
        return False
    Ptr[u64](out)[0] = u64(p[0].pos)
    state[0].remaining -= 1
    if state[0].remaining > 0:
        p[0].pos += state[0].step
    return True


def pair(tuple_type: u64, first: u64, second: u64) -> u64:
    """A new 2-tuple that takes over the references `first` and `second`."""
    t = tuple_new(tuple_type, i64(2))
    slots(t)[0] = first
    slots(t)[1] = second
    return t


def zip_next(p: Ptr[IterObject], out: u64) -> bool:
    """The next tuple of a zip: one item of each iterator, in order; the
    first that has ended ends the zip, and the items already taken from
    the ones before it are released (CPython does the same)."""
    iterators = p[0].source
    n = tuple_len(iterators)
    t = tuple_new(p[0].tuple_type, n)
    info = type_of(t)
    for i in range(n):
        if not iter_next(slots(iterators)[i], t + TUPLE_ITEMS + u64(i) * 8):
            for j in range(i):
                item_decref(kind_in(info, j), slots(t)[j])
                slots(t)[j] = u64(0)
            obj_decref(t)
            return False
    Ptr[u64](out)[0] = t
    return True


def iter_next(it: u64, out: u64) -> bool:
    """The next item (a new reference, or an integer slot) written to the
    u64 at `out`: True; or False at the end, or when the walk failed (an
    error is then recorded).  A generator (an `Iterator[T]` too) is
    resumed (generator.py).

    Inlined wherever it is called (pythos/lower/inlining.py), so that a
    loop over a generator tests its type and its state and calls its
    resume function directly; the other iterators' walks are
    `iter_next_object`'s, out of line."""
    if is_generator(it):
        return gen_resume(it, u64(0), out)
    return iter_next_object(it, out)


def iter_next_object(it: u64, out: u64) -> bool:
    """`iter_next` of an iterator object (not a generator)."""
    p = Ptr[IterObject](it)
    if p[0].what == ITER_RANGE:
        return range_next(p, out)
    source = p[0].source
    if source == 0:
        return False
    what = p[0].what
    got = False
    if what == ITER_LIST or what == ITER_TUPLE:
        n = list_len(source) if what == ITER_LIST else tuple_len(source)
        if p[0].pos < n:
            Ptr[u64](out)[0] = list_get(source, p[0].pos) if what == ITER_LIST \
                else tuple_get(source, p[0].pos)
            p[0].pos += 1
            got = True
    elif what == ITER_STR:
        offset = u64(p[0].pos)
        if offset < str_nbytes(source):
            Ptr[u64](out)[0] = str_char_at(source, offset)
            p[0].pos = i64(str_next_offset(source, offset))
            got = True
    elif what == ITER_SET:
        got = set_next(source, it + ITER_STATE, out)
    elif what == ITER_DICT_KEYS:
        got = dict_next(source, it + ITER_STATE, out, u64(0))
    elif what == ITER_DICT_VALUES:
        got = dict_next(source, it + ITER_STATE, u64(0), out)
    elif what == ITER_DICT_ITEMS:
        kv = Array[u64, 2]()
        got = dict_next(source, it + ITER_STATE, addr_of(kv).addr, addr_of(kv).addr + 8)
        if got:
            Ptr[u64](out)[0] = pair(p[0].tuple_type, kv[0], kv[1])
    elif what == ITER_ENUMERATE:
        item = Array[u64, 1]()
        got = iter_next(source, addr_of(item).addr)
        if got:
            Ptr[u64](out)[0] = pair(p[0].tuple_type, u64(p[0].pos), item[0])
            p[0].pos += 1
    elif what == ITER_ZIP:
        got = zip_next(p, out)
    elif what == ITER_REVERSED_STR:
        if p[0].pos > 0:
            offset = str_prev_offset(source, u64(p[0].pos))
            Ptr[u64](out)[0] = str_char_at(source, offset)
            p[0].pos = i64(offset)
            got = True
    else:
        # reversed() of a list or tuple: stops if a list has shrunk below
        # the index, as CPython's reversed iterator does.
        n = list_len(source) if what == ITER_REVERSED_LIST else tuple_len(source)
        if p[0].pos >= 0 and p[0].pos < n:
            Ptr[u64](out)[0] = list_get(source, p[0].pos) if what == ITER_REVERSED_LIST \
                else tuple_get(source, p[0].pos)
            p[0].pos -= 1
            got = True
    if not got:
        # Exhausted (or failed): drop the container, as CPython does.
        p[0].source = u64(0)
        obj_decref(source)
    return got


def gen_send_any(it: u64, sent: u64, out: u64) -> bool:
    """One step of `yield from`: resume a generator with what was sent, or
    take the next item of another iterator (which is only ever sent None)."""
    if is_generator(it):
        return gen_resume(it, sent, out)
    return iter_next(it, out)


def str_prev_offset(s: u64, offset: u64) -> u64:
    """The byte offset of the character before the one at `offset` (which
    is above 0): back over UTF-8 continuation bytes (0b10xxxxxx).  How
    `reversed(s)` walks a str in one pass."""
    data = str_data(s)
    offset -= 1
    while offset > 0 and (data[offset] & 0xC0) == 0x80:
        offset -= 1
    return offset


# ----- the kind's functions ------------------------------------------------------------

def iter_kind_clear(it: u64) -> u64:
    """Release: drop the container, if the end has not been reached."""
    source = Ptr[IterObject](it)[0].source
    Ptr[IterObject](it)[0].source = u64(0)
    if source != 0:
        obj_decref(source)
    return u64(0)


def iter_traverse(it: u64, visit: u64, arg: u64) -> u64:
    """Call `visit(source, arg)` for the container the iterator walks, if
    it has not reached the end (the cycle collector)."""
    source = Ptr[IterObject](it)[0].source
    if source != 0:
        call_addr(visit, source, arg)
    return u64(0)


def iter_repr(it: u64, sb: u64) -> u64:
    """`<iterator object at 0x...>`: its address, as CPython shows one."""
    default_repr(it, addr_of(ITER_TYPE), Ptr[StrBuilder](sb))
    return u64(0)


def init() -> None:
    """Register the iterator kind and its type."""
    ITER_OPS.clear = func_addr(iter_kind_clear)
    ITER_OPS.traverse = func_addr(iter_traverse)
    ITER_OPS.repr = func_addr(iter_repr)
    register_kind(KIND_ITERATOR, addr_of(ITER_OPS))
    ITER_TYPE.kind = KIND_ITERATOR
    ITER_TYPE.flags = TRACKED
    ITER_TYPE.size = ITER_SIZE
    ITER_TYPE.name = cstring(addr_of(iter_name), b"iterator")
