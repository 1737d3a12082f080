"""Tuples: a fixed number of items, stored inline.

A `TupleObject` is the header, `length`, then `length` 8-byte slots
(docs/objects.md, "Lists and tuples").  Each slot's item kind comes from
the tuple's TypeInfo: `fields` (an array of `nfields` u32 kinds) for a
fixed tuple such as `tuple[int, str]`, or `item` for a homogeneous
`tuple[int, ...]`.  Integers are sign- or zero-extended into their slot,
objects are addresses the tuple holds a reference to, None is 0.

Ownership: as everywhere in the runtime, arguments are borrowed and
results are new references.  Building a tuple is `tuple_new` and then
`tuple_init_item` for each slot (or `tuple_from_items`), before the tuple
is seen by anyone else; after that it never changes.  Where a result has
a different static type from its operands (a slice or a concatenation of
a fixed tuple), the caller passes the result's TypeInfo.

Identity follows CPython where a program can see it: `t[:]` and `t + ()`
are `t` itself, and there is one empty tuple, a static object with
IMMORTAL references, that every `()` is (`t[5:] is ()`).  Its type is
the runtime's own `EMPTY_TUPLE_TYPE`: with no items, the item kinds a
tuple type adds do not matter.
"""


from typing import Final

from pythos.lang import Array, Ptr, addr_of, call_addr, func_addr, i64, u8, u32, u64
from pythos.rt.obj.box import int_eq, int_lt
from pythos.rt.obj.items import (
    XXPRIME_5,
    hash_end,
    int_tuple_hash,
    item_eq,
    item_hash,
    item_is_int,
    item_lt,
    item_repr,
    item_signed,
    kind_in,
    sb_append_ascii,
    xx_round,
)
from pythos.rt.obj.object import (
    ERR_INDEX,
    ERR_MEMORY,
    ERR_NONE,
    ERR_VALUE,
    IMMORTAL,
    INT_ITEMS,
    ITEM_OBJ,
    ITEM_OPT,
    KIND_STR,
    KIND_TUPLE,
    STR_DATA,
    TUPLE_ITEMS,
    KindOps,
    ListObject,
    StrBuilder,
    StrObject,
    TupleObject,
    TypeInfo,
    cstring,
    error,
    item_decref,
    item_incref,
    item_is_object,
    item_load,
    item_size,
    obj_incref,
    obj_new,
    obj_raise,
    register_kind,
    sb_append_byte,
    str_from_ascii,
    type_of,
)
from pythos.rt.obj.reprguard import repr_enter, repr_leave
from pythos.rt.obj.slices import SliceBounds, slice_resolve
from pythos.rt.obj.utf8 import bytes_compare

TUPLE_OPS = KindOps()
EMPTY_TUPLE_TYPE = TypeInfo()
EMPTY_TUPLE = TupleObject()
tuple_name = Array[u8, 6]()
# What quick_difference returns when it has decided (an index is >= 0).
QUICK_LESS: Final = i64(-1)
QUICK_GREATER: Final = i64(-2)


def tuple_size(length: i64) -> u64:
    return TUPLE_ITEMS + u64(length) * 8


def slots(t: u64) -> Ptr[u64]:
    return Ptr[u64](t + TUPLE_ITEMS)


def tuple_item_kind(t: u64, index: i64) -> u32:
    """The item kind of slot `index` of `t`."""
    return kind_in(type_of(t), index)


# ----- making tuples ---------------------------------------------------------------------

def tuple_new(ti: u64, length: i64) -> u64:
    """A new tuple of type `ti` with `length` slots, all 0 (None), to be
    filled with `tuple_init_item` before anyone else sees it; for
    `length` 0, the empty tuple."""
    if length == 0:
        obj_incref(addr_of(EMPTY_TUPLE).addr)
        return addr_of(EMPTY_TUPLE).addr
    t = obj_new(ti, tuple_size(length))
    Ptr[TupleObject](t)[0].length = length
    return t


def tuple_init_item(t: u64, index: i64, value: u64) -> None:
    """Fill slot `index` (in range, still empty) of a tuple being built with
    `value`, a slot value (borrowed: the tuple takes its own reference)."""
    item_incref(tuple_item_kind(t, index), value)
    slots(t)[index] = value


def tuple_from_items(ti: u64, addr: u64, length: i64) -> u64:
    """A new tuple of type `ti` from `length` slot values at `addr` (a tuple
    display, `(a, b)`); borrowed, as tuple_init_item."""
    t = tuple_new(ti, length)
    for i in range(length):
        tuple_init_item(t, i, Ptr[u64](addr)[i])
    return t


def tuple_len(t: u64) -> i64:
    return Ptr[TupleObject](t)[0].length


def tuple_item(t: u64, index: i64) -> u64:
    """Slot `index`, which the caller knows is in range (unpacking, a `for`
    loop), BORROWED."""
    return slots(t)[index]


def tuple_get(t: u64, index: i64) -> u64:
    """`t[index]` (negative counts from the end), a new reference.
    IndexError `tuple index out of range`."""
    n = Ptr[TupleObject](t)[0].length
    if index < 0:
        index += n
    if index < 0 or index >= n:
        obj_raise(ERR_INDEX, str_from_ascii(b"tuple index out of range"))
        return u64(0)
    value = slots(t)[index]
    item_incref(tuple_item_kind(t, index), value)
    return value


def tuple_item_ref(t: u64, index: i64) -> u64:
    """`t[index]` for an index the compiler knows is in range (unpacking,
    a constant index of a tuple type, whose length is fixed), a new
    reference: small enough to inline, where `tuple_get` is a call."""
    value = slots(t)[index]
    item_incref(tuple_item_kind(t, index), value)
    return value


def tuple_slice(ti: u64, t: u64, start: i64, stop: i64, step: i64, has_start: bool,
                has_stop: bool) -> u64:
    """`t[start:stop:step]` as a new tuple of type `ti` (slices.py gives the
    bounds' conventions).  The whole of `t`, in order, is `t` itself."""
    n = Ptr[TupleObject](t)[0].length
    b = SliceBounds()
    if not slice_resolve(addr_of(b), n, start, stop, step, has_start, has_stop):
        return u64(0)
    if b.count == 0:
        return tuple_new(ti, i64(0))
    if b.step == 1 and b.count == n and ti == Ptr[TupleObject](t)[0].type:
        obj_incref(t)
        return t
    result = tuple_new(ti, b.count)
    for k in range(b.count):
        index = b.start + k * b.step
        value = slots(t)[index]
        item_incref(tuple_item_kind(t, index), value)
        slots(result)[k] = value
    return result


def tuple_concat(ti: u64, a: u64, b: u64) -> u64:
    """`a + b` as a new tuple of type `ti`; `a` itself if `b` is empty, and
    `b` itself if `a` is, when the type is theirs (as CPython)."""
    na = Ptr[TupleObject](a)[0].length
    nb = Ptr[TupleObject](b)[0].length
    if nb == 0 and ti == Ptr[TupleObject](a)[0].type:
        obj_incref(a)
        return a
    if na == 0 and ti == Ptr[TupleObject](b)[0].type:
        obj_incref(b)
        return b
    result = tuple_new(ti, na + nb)
    for i in range(na):
        item_incref(tuple_item_kind(a, i), slots(a)[i])
        slots(result)[i] = slots(a)[i]
    for i in range(nb):
        item_incref(tuple_item_kind(b, i), slots(b)[i])
        slots(result)[na + i] = slots(b)[i]
    return result


def tuple_repeat(t: u64, times: i64) -> u64:
    """`t * times` (and `times * t`): the items `times` times over, the same
    objects each time; `()` if times <= 0 and `t` itself if times is 1.
    MemoryError if the result could not exist."""
    n = Ptr[TupleObject](t)[0].length
    ti = Ptr[TupleObject](t)[0].type
    if times <= 0 or n == 0:
        return tuple_new(ti, i64(0))
    if times == 1:
        obj_incref(t)
        return t
    if times > (i64(1) << 40) // n:
        obj_raise(ERR_MEMORY, u64(0))
        return u64(0)
    result = tuple_new(ti, n * times)
    for r in range(times):
        for i in range(n):
            item_incref(tuple_item_kind(t, i), slots(t)[i])
            slots(result)[r * n + i] = slots(t)[i]
    return result


def tuple_from_seq(ti: u64, seq: u64) -> u64:
    """`tuple(seq)` for a list or tuple `seq`: a new tuple of type `ti` with
    its items (a tuple of type `ti` is itself, as in CPython)."""
    if type_of(seq)[0].kind == KIND_TUPLE:
        if Ptr[TupleObject](seq)[0].type == ti or Ptr[TupleObject](seq)[0].length == 0:
            obj_incref(seq)
            return seq
        return tuple_from_items(ti, seq + TUPLE_ITEMS, Ptr[TupleObject](seq)[0].length)
    n = Ptr[ListObject](seq)[0].length
    t = tuple_new(ti, n)
    kind = type_of(seq)[0].item
    size = item_size(kind)
    for i in range(n):
        tuple_init_item(t, i, item_load(kind, Ptr[ListObject](seq)[0].items + u64(i) * size))
    return t


# ----- searching -------------------------------------------------------------------------

def item_matches(t: u64, i: i64, value: u64, kind: u32) -> bool:
    """Whether slot i of t equals `value`, an item of kind `kind`."""
    item_kind = tuple_item_kind(t, i)
    item = slots(t)[i]
    if item_kind == kind or (item_kind == ITEM_OPT and kind == ITEM_OBJ) or \
            (item_kind == ITEM_OBJ and kind == ITEM_OPT):
        return item_eq(kind, item, value)
    if not item_is_object(item_kind) and not item_is_object(kind):
        return int_eq(item_kind, item, kind, value)
    return False


def tuple_contains(t: u64, value: u64, kind: u32) -> bool:
    """`value in t` for a value of item kind `kind`: is some item equal?"""
    for i in range(Ptr[TupleObject](t)[0].length):
        if item_matches(t, i, value, kind):
            return True
        if error.kind != ERR_NONE:
            return False
    return False


def tuple_count(t: u64, value: u64, kind: u32) -> i64:
    """`t.count(value)` for a value of item kind `kind`."""
    count = i64(0)
    for i in range(Ptr[TupleObject](t)[0].length):
        if item_matches(t, i, value, kind):
            count += 1
    return count


def tuple_index(t: u64, value: u64, kind: u32, start: i64, stop: i64) -> i64:
    """`t.index(value, start, stop)` (defaults 0 and I64_MAX, clamped as
    list_index's).  ValueError `tuple.index(x): x not in tuple`."""
    n = Ptr[TupleObject](t)[0].length
    if start < 0:
        start += n
        if start < 0:
            start = i64(0)
    if stop < 0:
        stop += n
        if stop < 0:
            stop = i64(0)
    i = start
    while i < stop and i < n:
        if item_matches(t, i, value, kind):
            return i
        if error.kind != ERR_NONE:
            return i64(0)
        i += 1
    obj_raise(ERR_VALUE, str_from_ascii(b"tuple.index(x): x not in tuple"))
    return i64(0)


# ----- comparisons and hashing -----------------------------------------------------------

def slots_equal(a: u64, i: i64, b: u64) -> bool:
    """Whether slot i of a equals slot i of b.  Items of two different kinds
    (an object and an integer, in tuples of different types) are never
    equal; integers of different widths are compared as the values they
    stand for."""
    ka = tuple_item_kind(a, i)
    kb = tuple_item_kind(b, i)
    va = slots(a)[i]
    vb = slots(b)[i]
    if ka == kb:
        return item_eq(ka, va, vb)
    if item_is_object(ka) or item_is_object(kb):
        return va == vb
    return int_eq(ka, va, kb, vb)


def slots_less(a: u64, i: i64, b: u64) -> bool:
    """Whether slot i of a is less than slot i of b (integers of different
    widths compared as the values they stand for)."""
    ka = tuple_item_kind(a, i)
    kb = tuple_item_kind(b, i)
    if ka != kb and not item_is_object(ka) and not item_is_object(kb):
        return int_lt(ka, slots(a)[i], kb, slots(b)[i])
    return item_lt(ka, slots(a)[i], slots(b)[i])


def quick_difference(a: u64, b: u64) -> i64:
    """Compare the slots of `a` and `b` in order for as long as both hold
    integers of one kind, or str, or the same object: QUICK_LESS or
    QUICK_GREATER at the first pair that differs, else the index of the
    first slot it cannot decide (or where the shorter tuple ends), from
    which `first_difference` goes on.  It runs no user code and cannot
    fail, and a pair of str is compared once, by its bytes, where
    `slots_equal` and then `slots_less` would read them twice: this is
    what a sort by `(count, word)` keys spends its time on."""
    n = Ptr[TupleObject](a)[0].length
    if Ptr[TupleObject](b)[0].length < n:
        n = Ptr[TupleObject](b)[0].length
    ia = type_of(a)
    ib = type_of(b)
    i = i64(0)
    while i < n:
        ka = kind_in(ia, i)
        x = slots(a)[i]
        y = slots(b)[i]
        if ka != kind_in(ib, i):
            return i
        if x != y:
            if item_is_int(ka):
                if item_signed(ka):
                    return QUICK_LESS if i64(x) < i64(y) else QUICK_GREATER
                return QUICK_LESS if x < y else QUICK_GREATER
            if x == 0 or y == 0 or type_of(x)[0].kind != KIND_STR or \
                    type_of(y)[0].kind != KIND_STR:
                return i
            order = bytes_compare(Ptr[u8](x + STR_DATA), u64(Ptr[StrObject](x)[0].nbytes),
                                  Ptr[u8](y + STR_DATA), u64(Ptr[StrObject](y)[0].nbytes))
            if order != 0:
                return QUICK_LESS if order < 0 else QUICK_GREATER
        i += 1
    return i


def first_difference(a: u64, b: u64, start: i64) -> i64:
    """The first slot from `start` on whose items are unequal (or the
    shorter length); stops at a failed comparison."""
    i = start
    while i < Ptr[TupleObject](a)[0].length and i < Ptr[TupleObject](b)[0].length:
        if not slots_equal(a, i, b) or error.kind != ERR_NONE:
            return i
        i += 1
    return i


def tuple_eq(a: u64, b: u64) -> bool:
    """`a == b`: same length and equal items."""
    if Ptr[TupleObject](a)[0].length != Ptr[TupleObject](b)[0].length:
        return False
    i = quick_difference(a, b)
    if i < 0:
        return False
    return first_difference(a, b, i) >= Ptr[TupleObject](a)[0].length


def tuple_lt(a: u64, b: u64) -> bool:
    """`a < b`, lexicographically as CPython compares sequences: the first
    unequal items decide, else the shorter tuple is the smaller."""
    i = quick_difference(a, b)
    if i < 0:
        return i == QUICK_LESS
    i = first_difference(a, b, i)
    if i >= Ptr[TupleObject](a)[0].length or i >= Ptr[TupleObject](b)[0].length:
        return Ptr[TupleObject](a)[0].length < Ptr[TupleObject](b)[0].length
    return slots_less(a, i, b)


def tuple_le(a: u64, b: u64) -> bool:
    """`a <= b` (see list_le)."""
    i = quick_difference(a, b)
    if i < 0:
        return i == QUICK_LESS
    i = first_difference(a, b, i)
    if i >= Ptr[TupleObject](a)[0].length or i >= Ptr[TupleObject](b)[0].length:
        return Ptr[TupleObject](a)[0].length <= Ptr[TupleObject](b)[0].length
    return not slots_less(b, i, a)


def tuple_hash(t: u64) -> u64:
    """hash(t), exactly as CPython 3.11 computes it: each item's hash is
    folded in with one xxHash64 round (multiply, rotate left 31, multiply),
    then the length is added (items.py's `xx_round` and `hash_end`).  A
    tuple of integers only, the common `(x, y)` key, takes items.py's
    `int_tuple_hash`, a leaf with no item hash a call."""
    n = Ptr[TupleObject](t)[0].length
    info = type_of(t)
    if (info[0].flags & INT_ITEMS) != 0:
        return int_tuple_hash(t, info)
    return hash_end(hash_items(t, info, n), n)


def hash_items(t: u64, info: Ptr[TypeInfo], n: i64) -> u64:
    """The accumulator after folding in every item's hash, of any kind."""
    acc = XXPRIME_5
    for i in range(n):
        acc = xx_round(acc, item_hash(kind_in(info, i), slots(t)[i]))
    return acc


# ----- the kind's functions (KindOps: u64 in, u64 out) -------------------------------

def tuple_kind_clear(t: u64) -> u64:
    """Release: drop the object items (a tuple of integers has none)."""
    info = type_of(t)
    if (info[0].flags & INT_ITEMS) != 0:
        return u64(0)
    for i in range(Ptr[TupleObject](t)[0].length):
        item_decref(kind_in(info, i), slots(t)[i])
    return u64(0)


def tuple_traverse(t: u64, visit: u64, arg: u64) -> u64:
    """Call `visit(item, arg)` for each object item (the cycle collector)."""
    for i in range(Ptr[TupleObject](t)[0].length):
        if item_is_object(tuple_item_kind(t, i)) and slots(t)[i] != 0:
            call_addr(visit, slots(t)[i], arg)
    return u64(0)


def tuple_kind_size(t: u64) -> u64:
    return tuple_size(Ptr[TupleObject](t)[0].length)


def tuple_kind_hash(t: u64) -> u64:
    return tuple_hash(t)


def tuple_kind_eq(a: u64, b: u64) -> u64:
    return u64(tuple_eq(a, b))


def tuple_kind_lt(a: u64, b: u64) -> u64:
    return u64(tuple_lt(a, b))


def tuple_repr(t: u64, sb: u64) -> u64:
    """Append `repr(t)` to the StrBuilder at `sb`: `()`, `(1,)`, `(1, 'a')`,
    and `(...)` for a tuple met again inside its own repr (through a list
    it holds)."""
    builder = Ptr[StrBuilder](sb)
    n = Ptr[TupleObject](t)[0].length
    if not repr_enter(t):
        sb_append_ascii(builder, b"(...)")
        return u64(0)
    sb_append_byte(builder, u8(40))
    for i in range(n):
        if i > 0:
            sb_append_ascii(builder, b", ")
        item_repr(tuple_item_kind(t, i), slots(t)[i], builder)
    if n == 1:
        sb_append_byte(builder, u8(44))
    sb_append_byte(builder, u8(41))
    repr_leave(t)
    return u64(0)


def init() -> None:
    """Register the tuple kind."""
    TUPLE_OPS.clear = func_addr(tuple_kind_clear)
    TUPLE_OPS.traverse = func_addr(tuple_traverse)
    TUPLE_OPS.size = func_addr(tuple_kind_size)
    TUPLE_OPS.hash = func_addr(tuple_kind_hash)
    TUPLE_OPS.eq = func_addr(tuple_kind_eq)
    TUPLE_OPS.lt = func_addr(tuple_kind_lt)
    TUPLE_OPS.repr = func_addr(tuple_repr)
    register_kind(KIND_TUPLE, addr_of(TUPLE_OPS))
    EMPTY_TUPLE_TYPE.kind = KIND_TUPLE
    EMPTY_TUPLE_TYPE.size = TUPLE_ITEMS
    EMPTY_TUPLE_TYPE.name = cstring(addr_of(tuple_name), b"tuple")
    EMPTY_TUPLE.refcnt = IMMORTAL
    EMPTY_TUPLE.type = addr_of(EMPTY_TUPLE_TYPE).addr
