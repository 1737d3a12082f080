"""Lists: a growable array of items at their natural width.

A `ListObject` is the header, `length`, `capacity` and the address of a
separate buffer of `capacity` items (docs/objects.md, "Lists and
tuples").  The item kind comes from the list's TypeInfo (`item`): a
`list[u8]` buffer is plain bytes, a `list[int]` holds 8-byte integers,
and only object items (`ITEM_OBJ`, `ITEM_OPT`) are addresses whose counts
the list maintains.  Values cross this module's interface as 64-bit slot
values (object.py, `item_load`): integers sign- or zero-extended,
objects as addresses, None as 0; storing one truncates it to the item's
width, which is how a `list[u8]` wraps.

Ownership: every function borrows its object arguments (a list, an
item, another sequence) and returns new references, as object.py's
docstring says, unless its own docstring says otherwise.  A list takes a
reference of its own to an object item it stores, and drops it when the
item leaves.  An item leaving the list is dropped only after the list is
consistent again, so nothing that runs on its release can see a list
half way through a change.

Sorting is in listsort.py.  Errors are CPython's exceptions with
CPython's text, recorded with
`obj_raise` (the compiled caller checks `error.kind`); the list is then
unchanged and the result is 0.
"""

from typing import Final

from pythos.lang import Ptr, addr_of, call_addr, func_addr, i64, u8, u32, u64
from pythos.rt.alloc import obj_alloc, obj_free, obj_realloc
from pythos.rt.mem import memcpy, memmove
from pythos.rt.obj.items import (
    item_eq,
    item_lt,
    item_repr,
    sb_append_ascii,
    sb_append_i64,
)
from pythos.rt.obj.object import (
    ERR_INDEX,
    ERR_MEMORY,
    ERR_NONE,
    ERR_VALUE,
    KIND_BYTEARRAY,
    KIND_LIST,
    KIND_TUPLE,
    TUPLE_ITEMS,
    KindOps,
    ListObject,
    StrBuilder,
    TupleObject,
    TypeInfo,
    error,
    item_decref,
    item_incref,
    item_is_object,
    item_load,
    item_size,
    item_store,
    obj_decref,
    obj_incref,
    obj_new,
    obj_raise,
    register_kind,
    sb_append_byte,
    sb_finish,
    str_from_ascii,
    type_of,
)
from pythos.rt.obj.reprguard import repr_enter, repr_leave
from pythos.rt.obj.slices import SliceBounds, slice_resolve

LIST_SIZE: Final = u64(40)
# No buffer may exceed this many bytes (CPython's lists stop at
# PY_SSIZE_T_MAX / sizeof(PyObject *) items): asking for more is
# MemoryError, not an overflowing multiplication.
MAX_BUFFER: Final = i64(1) << 44
# The smallest buffer a growing list gets, in items.
MIN_CAPACITY: Final = i64(8)

LIST_OPS = KindOps()


# ----- the buffer ------------------------------------------------------------------------

def list_item_kind(lst: u64) -> u32:
    return type_of(lst)[0].item


def item_addr(lst: u64, index: i64) -> u64:
    lo = Ptr[ListObject](lst)
    return lo[0].items + u64(index) * item_size(type_of(lst)[0].item)


def set_capacity(lst: u64, capacity: i64) -> None:
    """Make the buffer exactly `capacity` items long (>= the length)."""
    lo = Ptr[ListObject](lst)
    size = item_size(type_of(lst)[0].item)
    old_bytes = u64(lo[0].capacity) * size
    new_bytes = u64(capacity) * size
    if capacity == 0:
        if lo[0].items != 0:
            obj_free(lo[0].items, old_bytes)
        lo[0].items = u64(0)
    elif lo[0].items == 0:
        lo[0].items = obj_alloc(new_bytes)
    else:
        lo[0].items = obj_realloc(lo[0].items, old_bytes, new_bytes)
    lo[0].capacity = capacity


def too_big(count: i64, size: u64) -> bool:
    """Whether `count` items of `size` bytes exceed what a list may hold
    (MemoryError recorded)."""
    if count > MAX_BUFFER // i64(size):
        obj_raise(ERR_MEMORY, u64(0))
        return True
    return False


def list_reserve(lst: u64, need: i64) -> bool:
    """Room for `need` items.  A full buffer grows by half again (at least
    to MIN_CAPACITY), so n appends copy O(n) items in all; False, with
    MemoryError recorded, if `need` is more than a list may hold."""
    lo = Ptr[ListObject](lst)
    if need <= lo[0].capacity:
        return True
    if too_big(need, item_size(type_of(lst)[0].item)):
        return False
    capacity = lo[0].capacity + (lo[0].capacity >> 1)
    if capacity < MIN_CAPACITY:
        capacity = MIN_CAPACITY
    if capacity < need:
        capacity = need
    set_capacity(lst, capacity)
    return True


def list_shrink(lst: u64) -> None:
    """Give back most of a buffer that is less than a quarter full.  The
    new capacity is twice the length, so a list that grows again right
    away does not reallocate at once (no thrashing at the boundary)."""
    lo = Ptr[ListObject](lst)
    if lo[0].capacity > MIN_CAPACITY * 2 and lo[0].length < lo[0].capacity // 4:
        capacity = lo[0].length * 2
        set_capacity(lst, capacity if capacity > MIN_CAPACITY else MIN_CAPACITY)


def load_at(lst: u64, index: i64) -> u64:
    return item_load(type_of(lst)[0].item, item_addr(lst, index))


# ----- sequences a list can be filled from -----------------------------------------------

def seq_length(seq: u64) -> i64:
    """The length of a list or tuple (what extend, slice assignment and +=
    accept)."""
    if type_of(seq)[0].kind == KIND_TUPLE:
        return Ptr[TupleObject](seq)[0].length
    return Ptr[ListObject](seq)[0].length


def seq_item(seq: u64, index: i64) -> u64:
    """Item `index` (in range) of a list or tuple, borrowed, as a slot value."""
    if type_of(seq)[0].kind == KIND_TUPLE:
        return Ptr[u64](seq + TUPLE_ITEMS)[index]
    return load_at(seq, index)


# ----- making lists ----------------------------------------------------------------------

def list_new(ti: u64, capacity: i64) -> u64:
    """A new empty list of type `ti` (a KIND_LIST TypeInfo) with room for
    `capacity` items."""
    lst = obj_new(ti, LIST_SIZE)
    if capacity > 0 and not too_big(capacity, item_size(Ptr[TypeInfo](ti)[0].item)):
        set_capacity(lst, capacity)
    return lst


def list_from_items(ti: u64, addr: u64, count: i64) -> u64:
    """A new list of type `ti` holding `count` items given as 8-byte slot
    values at `addr` (a list display, `[a, b, c]`).  The slots are
    borrowed: the list takes its own reference to each object item."""
    lst = list_new(ti, count)
    if error.kind != ERR_NONE:
        return lst
    kind = type_of(lst)[0].item
    size = item_size(kind)
    lo = Ptr[ListObject](lst)
    for i in range(count):
        value = Ptr[u64](addr)[i]
        item_store(kind, lo[0].items + u64(i) * size, value)
        item_incref(kind, value)
    lo[0].length = count
    return lst


def list_len(lst: u64) -> i64:
    return Ptr[ListObject](lst)[0].length


def list_unpack_check(lst: u64, expected: i64) -> None:
    """`a, b = lst`: the list must hold exactly `expected` items, or
    ValueError with CPython's message (nothing is assigned then)."""
    length = Ptr[ListObject](lst)[0].length
    if length != expected:
        raise_unpack(expected, length, False)


def list_unpack_at_least(lst: u64, expected: i64) -> None:
    """`a, *rest = lst`: the list must hold at least `expected` items (the
    names besides the starred one), or CPython's ValueError."""
    length = Ptr[ListObject](lst)[0].length
    if length < expected:
        raise_unpack(expected, length, True)


def raise_unpack(expected: i64, length: i64, at_least: bool) -> None:
    """CPython's ValueError for `length` items unpacked into `expected`
    names (`at_least`: besides a starred one)."""
    sb = StrBuilder()
    if length > expected:
        sb_append_ascii(addr_of(sb), b"too many values to unpack (expected ")
        sb_append_i64(addr_of(sb), expected)
    else:
        sb_append_ascii(addr_of(sb), b"not enough values to unpack (expected ")
        if at_least:
            sb_append_ascii(addr_of(sb), b"at least ")
        sb_append_i64(addr_of(sb), expected)
        sb_append_ascii(addr_of(sb), b", got ")
        sb_append_i64(addr_of(sb), length)
    sb_append_ascii(addr_of(sb), b")")
    obj_raise(ERR_VALUE, sb_finish(addr_of(sb)))


def list_item(lst: u64, index: i64) -> u64:
    """Item `index`, which the caller knows is in range, BORROWED: valid
    while the list keeps it.  A `for` loop over a list is `list_len` and
    `list_item` at each step, the length read afresh each time, as
    CPython's list iterator does (a loop that appends sees the new items;
    one that shrinks the list stops early)."""
    return load_at(lst, index)


# ----- indexing --------------------------------------------------------------------------

def raise_index(message: bytes) -> None:
    obj_raise(ERR_INDEX, str_from_ascii(message))


def list_get(lst: u64, index: i64) -> u64:
    """`lst[index]` (negative counts from the end).  IndexError `list index
    out of range`."""
    n = Ptr[ListObject](lst)[0].length
    if index < 0:
        index += n
    if index < 0 or index >= n:
        raise_index(b"list index out of range")
        return u64(0)
    kind = type_of(lst)[0].item
    value = load_at(lst, index)
    item_incref(kind, value)
    return value


def list_set(lst: u64, index: i64, value: u64) -> None:
    """`lst[index] = value`.  IndexError `list assignment index out of range`."""
    n = Ptr[ListObject](lst)[0].length
    if index < 0:
        index += n
    if index < 0 or index >= n:
        raise_index(b"list assignment index out of range")
        return
    kind = type_of(lst)[0].item
    addr = item_addr(lst, index)
    old = item_load(kind, addr)
    item_incref(kind, value)
    item_store(kind, addr, value)
    item_decref(kind, old)


def list_append(lst: u64, value: u64) -> None:
    """`lst.append(value)`: amortised O(1) (see list_reserve)."""
    lo = Ptr[ListObject](lst)
    n = lo[0].length
    if n >= lo[0].capacity and not list_reserve(lst, n + 1):
        return
    kind = type_of(lst)[0].item
    item_incref(kind, value)
    item_store(kind, lo[0].items + u64(n) * item_size(kind), value)
    lo[0].length = n + 1


def list_append_word(lst: u64, value: u64, counted: bool) -> None:
    """`lst.append(value)` where the compiler knows that every item is an
    8-byte word: an object that is never None (`counted`: its count goes
    up) or a 64-bit integer.  Inlined where it is called
    (lower/inlining.py), with `counted` a constant there: with room in the
    buffer, the usual case, it is a store and a length, without asking the
    list's TypeInfo for the item kind; growing is `list_append`'s."""
    lo = Ptr[ListObject](lst)
    n = lo[0].length
    if n >= lo[0].capacity:
        list_append(lst, value)
        return
    if counted:
        obj_incref(value)
    Ptr[u64](lo[0].items)[n] = value
    lo[0].length = n + 1


def list_extend(lst: u64, seq: u64) -> None:
    """`lst.extend(seq)` for a list or tuple `seq` (which may be `lst`
    itself: its length is read before it grows)."""
    count = seq_length(seq)
    lo = Ptr[ListObject](lst)
    n = lo[0].length
    if not list_reserve(lst, n + count):
        return
    kind = type_of(lst)[0].item
    size = item_size(kind)
    for i in range(count):
        value = seq_item(seq, i)
        item_incref(kind, value)
        item_store(kind, lo[0].items + u64(n + i) * size, value)
    lo[0].length = n + count


def list_insert(lst: u64, index: i64, value: u64) -> None:
    """`lst.insert(index, value)`.  As in CPython an index out of range is
    not an error: it is clamped to the nearest end."""
    lo = Ptr[ListObject](lst)
    n = lo[0].length
    if index < 0:
        index += n
        if index < 0:
            index = i64(0)
    if index > n:
        index = n
    if not list_reserve(lst, n + 1):
        return
    kind = type_of(lst)[0].item
    size = item_size(kind)
    at = lo[0].items + u64(index) * size
    memmove(Ptr[u8](at + size), Ptr[u8](at), u64(n - index) * size)
    item_incref(kind, value)
    item_store(kind, at, value)
    lo[0].length = n + 1


def remove_at(lst: u64, index: i64) -> u64:
    """Take item `index` (in range) out of the list, closing the gap; the
    list's reference to it becomes the caller's."""
    lo = Ptr[ListObject](lst)
    kind = type_of(lst)[0].item
    size = item_size(kind)
    at = lo[0].items + u64(index) * size
    value = item_load(kind, at)
    memmove(Ptr[u8](at), Ptr[u8](at + size), u64(lo[0].length - index - 1) * size)
    lo[0].length -= 1
    list_shrink(lst)
    return value


def list_pop(lst: u64, index: i64) -> u64:
    """`lst.pop(index)` (`lst.pop()` is index -1): the item, whose reference
    passes from the list to the caller.  IndexError `pop from empty list`
    or `pop index out of range`."""
    n = Ptr[ListObject](lst)[0].length
    if n == 0:
        raise_index(b"pop from empty list")
        return u64(0)
    if index < 0:
        index += n
    if index < 0 or index >= n:
        raise_index(b"pop index out of range")
        return u64(0)
    return remove_at(lst, index)


def list_del(lst: u64, index: i64) -> None:
    """`del lst[index]`.  IndexError `list assignment index out of range`."""
    n = Ptr[ListObject](lst)[0].length
    if index < 0:
        index += n
    if index < 0 or index >= n:
        raise_index(b"list assignment index out of range")
        return
    item_decref(type_of(lst)[0].item, remove_at(lst, index))


# ----- searching -------------------------------------------------------------------------

def find(lst: u64, value: u64, start: i64, stop: i64) -> i64:
    """The first index in [start, stop) whose item equals `value`, or -1.
    The length is re-read at each step: an `__eq__` may shrink the list."""
    kind = type_of(lst)[0].item
    i = start
    while i < stop and i < Ptr[ListObject](lst)[0].length:
        if item_eq(kind, load_at(lst, i), value):
            return i
        if error.kind != ERR_NONE:
            return i64(-1)
        i += 1
    return i64(-1)


def list_contains(lst: u64, value: u64) -> bool:
    """`value in lst` (by `==`, identity first, as CPython compares)."""
    return find(lst, value, i64(0), Ptr[ListObject](lst)[0].length) >= 0


def list_count(lst: u64, value: u64) -> i64:
    """`lst.count(value)`."""
    kind = type_of(lst)[0].item
    count = i64(0)
    i = i64(0)
    while i < Ptr[ListObject](lst)[0].length:
        if item_eq(kind, load_at(lst, i), value):
            count += 1
        i += 1
    return count


def list_index(lst: u64, value: u64, start: i64, stop: i64) -> i64:
    """`lst.index(value, start, stop)` (defaults 0 and I64_MAX; negative
    bounds count from the end and are clamped, as CPython's are).
    ValueError `<repr of value> is not in list`."""
    n = Ptr[ListObject](lst)[0].length
    if start < 0:
        start += n
        if start < 0:
            start = i64(0)
    if stop < 0:
        stop += n
        if stop < 0:
            stop = i64(0)
    found = find(lst, value, start, stop)
    if found >= 0 or error.kind != ERR_NONE:
        return found
    sb = StrBuilder()
    item_repr(type_of(lst)[0].item, value, addr_of(sb))
    sb_append_ascii(addr_of(sb), b" is not in list")
    obj_raise(ERR_VALUE, sb_finish(addr_of(sb)))
    return i64(0)


def list_remove(lst: u64, value: u64) -> None:
    """`lst.remove(value)`: the first equal item.  ValueError
    `list.remove(x): x not in list`."""
    found = find(lst, value, i64(0), Ptr[ListObject](lst)[0].length)
    if found < 0:
        if error.kind == ERR_NONE:
            obj_raise(ERR_VALUE, str_from_ascii(b"list.remove(x): x not in list"))
        return
    item_decref(type_of(lst)[0].item, remove_at(lst, found))


# ----- whole-list changes ----------------------------------------------------------------

def list_reverse(lst: u64) -> None:
    """`lst.reverse()`, in place."""
    kind = type_of(lst)[0].item
    low = i64(0)
    high = Ptr[ListObject](lst)[0].length - 1
    while low < high:
        a = item_addr(lst, low)
        b = item_addr(lst, high)
        value = item_load(kind, a)
        item_store(kind, a, item_load(kind, b))
        item_store(kind, b, value)
        low += 1
        high -= 1


def list_clear(lst: u64) -> None:
    """`lst.clear()`: the list is emptied (and its buffer freed) before its
    items are dropped."""
    lo = Ptr[ListObject](lst)
    kind = type_of(lst)[0].item
    items = lo[0].items
    n = lo[0].length
    capacity = lo[0].capacity
    lo[0].items = u64(0)
    lo[0].length = i64(0)
    lo[0].capacity = i64(0)
    drop_buffer(kind, items, n, capacity)


def list_copy(lst: u64) -> u64:
    """`lst.copy()` (and `lst[:]`): a new list of the same type holding the
    same items."""
    n = Ptr[ListObject](lst)[0].length
    copy = list_new(Ptr[ListObject](lst)[0].type, n)
    if error.kind != ERR_NONE:
        return copy
    kind = type_of(lst)[0].item
    if n > 0:
        memcpy(Ptr[u8](Ptr[ListObject](copy)[0].items), Ptr[u8](Ptr[ListObject](lst)[0].items),
               u64(n) * item_size(kind))
    if item_is_object(kind):
        for i in range(n):
            item_incref(kind, Ptr[u64](Ptr[ListObject](lst)[0].items)[i])
    Ptr[ListObject](copy)[0].length = n
    return copy


def drop_buffer(kind: u32, items: u64, n: i64, capacity: i64) -> None:
    """Drop `n` items of a buffer no list holds any more, and free it."""
    if item_is_object(kind):
        for i in range(n):
            item_decref(kind, Ptr[u64](items)[i])
    if items != 0:
        obj_free(items, u64(capacity) * item_size(kind))


# ----- slices ----------------------------------------------------------------------------

def list_slice(lst: u64, start: i64, stop: i64, step: i64, has_start: bool,
               has_stop: bool) -> u64:
    """`lst[start:stop:step]`, a new list (slices.py: missing bounds have
    their flag False, a missing step is 1).  ValueError for a step of 0."""
    n = Ptr[ListObject](lst)[0].length
    b = SliceBounds()
    if not slice_resolve(addr_of(b), n, start, stop, step, has_start, has_stop):
        return u64(0)
    result = list_new(Ptr[ListObject](lst)[0].type, b.count)
    if error.kind != ERR_NONE:
        return result
    kind = type_of(lst)[0].item
    size = item_size(kind)
    items = Ptr[ListObject](result)[0].items
    for k in range(b.count):
        value = load_at(lst, b.start + k * b.step)
        item_incref(kind, value)
        item_store(kind, items + u64(k) * size, value)
    Ptr[ListObject](result)[0].length = b.count
    return result


def replace_range(lst: u64, low: i64, high: i64, seq: u64) -> None:
    """`lst[low:high] = seq` for 0 <= low <= high <= len: the items in
    between give way to all of seq's, and the list grows or shrinks."""
    lo = Ptr[ListObject](lst)
    kind = type_of(lst)[0].item
    size = item_size(kind)
    n = lo[0].length
    count = seq_length(seq)
    removed = high - low
    if not list_reserve(lst, n - removed + count):
        return
    # The items being replaced are dropped last, once the list is whole.
    saved = u64(0)
    if item_is_object(kind) and removed > 0:
        saved = obj_alloc(u64(removed) * 8)
        for i in range(removed):
            Ptr[u64](saved)[i] = load_at(lst, low + i)
    items = lo[0].items
    memmove(Ptr[u8](items + u64(low + count) * size), Ptr[u8](items + u64(high) * size),
            u64(n - high) * size)
    for i in range(count):
        value = seq_item(seq, i)
        item_incref(kind, value)
        item_store(kind, items + u64(low + i) * size, value)
    lo[0].length = n - removed + count
    list_shrink(lst)
    if saved != 0:
        for i in range(removed):
            item_decref(kind, Ptr[u64](saved)[i])
        obj_free(saved, u64(removed) * 8)


def list_set_slice(lst: u64, start: i64, stop: i64, step: i64, has_start: bool,
                   has_stop: bool, seq: u64) -> None:
    """`lst[start:stop:step] = seq`, `seq` a list or tuple (possibly `lst`
    itself).  With step 1 any length replaces the slice (an empty slice
    inserts); an extended slice must be replaced item for item: ValueError
    `attempt to assign sequence of size M to extended slice of size N`."""
    n = Ptr[ListObject](lst)[0].length
    b = SliceBounds()
    if not slice_resolve(addr_of(b), n, start, stop, step, has_start, has_stop):
        return
    if seq == lst:
        # Assigning a list into itself reads a copy of it, as CPython does.
        copy = list_copy(lst)
        list_set_slice(lst, start, stop, step, has_start, has_stop, copy)
        obj_decref(copy)
        return
    if b.step == 1:
        replace_range(lst, b.start, b.stop if b.stop > b.start else b.start, seq)
        return
    count = seq_length(seq)
    if count == 0 and type_of(lst)[0].kind == KIND_BYTEARRAY:
        # CPython's bytearray deletes an extended slice that is given
        # nothing, whatever its size (a list raises ValueError).
        list_del_slice(lst, start, stop, step, has_start, has_stop)
        return
    if count != b.count:
        sb = StrBuilder()
        if type_of(lst)[0].kind == KIND_BYTEARRAY:
            sb_append_ascii(addr_of(sb), b"attempt to assign bytes of size ")
        else:
            sb_append_ascii(addr_of(sb), b"attempt to assign sequence of size ")
        sb_append_i64(addr_of(sb), count)
        sb_append_ascii(addr_of(sb), b" to extended slice of size ")
        sb_append_i64(addr_of(sb), b.count)
        obj_raise(ERR_VALUE, sb_finish(addr_of(sb)))
        return
    kind = type_of(lst)[0].item
    for k in range(count):
        addr = item_addr(lst, b.start + k * b.step)
        old = item_load(kind, addr)
        value = seq_item(seq, k)
        item_incref(kind, value)
        item_store(kind, addr, value)
        item_decref(kind, old)


def list_del_slice(lst: u64, start: i64, stop: i64, step: i64, has_start: bool,
                   has_stop: bool) -> None:
    """`del lst[start:stop:step]`: the items the slice selects go, the rest
    close up in order.  ValueError for a step of 0."""
    n = Ptr[ListObject](lst)[0].length
    b = SliceBounds()
    if not slice_resolve(addr_of(b), n, start, stop, step, has_start, has_stop):
        return
    if b.count == 0:
        return
    # The same items walked forwards: first, last, and the distance.
    first = b.start
    stride = b.step
    if stride < 0:
        first = b.start + b.step * (b.count - 1)
        stride = -stride
    last = first + stride * (b.count - 1)
    kind = type_of(lst)[0].item
    saved = u64(0)
    if item_is_object(kind):
        saved = obj_alloc(u64(b.count) * 8)
    # Compact: keep every item not on the slice's arithmetic progression.
    kept = first
    taken = i64(0)
    i = first
    while i < n:
        value = load_at(lst, i)
        if i <= last and (i - first) % stride == 0:
            if saved != 0:
                Ptr[u64](saved)[taken] = value
            taken += 1
        else:
            item_store(kind, item_addr(lst, kept), value)
            kept += 1
        i += 1
    Ptr[ListObject](lst)[0].length = kept
    list_shrink(lst)
    if saved != 0:
        for k in range(taken):
            item_decref(kind, Ptr[u64](saved)[k])
        obj_free(saved, u64(b.count) * 8)


# ----- operators -------------------------------------------------------------------------

def list_concat(a: u64, b: u64) -> u64:
    """`a + b`: a new list of a's type."""
    na = Ptr[ListObject](a)[0].length
    nb = Ptr[ListObject](b)[0].length
    result = list_new(Ptr[ListObject](a)[0].type, na + nb)
    if error.kind != ERR_NONE:
        return result
    list_extend(result, a)
    list_extend(result, b)
    return result


def repeat_into(lst: u64, n: i64, times: i64) -> None:
    """Fill items [n, n * times) with copies of items [0, n) (the buffer
    has room): whole copies of the bytes, then one reference more for
    each object item copied."""
    kind = type_of(lst)[0].item
    size = item_size(kind)
    items = Ptr[ListObject](lst)[0].items
    block = u64(n) * size
    for r in range(1, times):
        memcpy(Ptr[u8](items + u64(r) * block), Ptr[u8](items), block)
    if item_is_object(kind):
        for i in range(n, n * times):
            item_incref(kind, Ptr[u64](items)[i])
    Ptr[ListObject](lst)[0].length = n * times


def list_repeat(lst: u64, times: i64) -> u64:
    """`lst * times` (and `times * lst`): a new list holding the items
    `times` times over, the same objects each time (so `[[0] * 3] * 3` is
    three references to one inner list, as in CPython); [] if times <= 0.
    MemoryError if the result could not exist."""
    n = Ptr[ListObject](lst)[0].length
    ti = Ptr[ListObject](lst)[0].type
    if times <= 0 or n == 0:
        return list_new(ti, i64(0))
    if times > MAX_BUFFER // n:
        obj_raise(ERR_MEMORY, u64(0))
        return u64(0)
    result = list_new(ti, n * times)
    if error.kind != ERR_NONE:
        return result
    list_extend(result, lst)
    repeat_into(result, n, times)
    return result


def list_iadd(lst: u64, seq: u64) -> None:
    """`lst += seq` (a list or tuple): extends `lst` in place, so every name
    for the list sees the new items.  CPython's `__iadd__` returns the list
    itself; the target of `+=` is left holding the same object."""
    list_extend(lst, seq)


def list_imul(lst: u64, times: i64) -> None:
    """`lst *= times`, in place: the items repeated, or none if times <= 0."""
    n = Ptr[ListObject](lst)[0].length
    if times <= 0:
        list_clear(lst)
        return
    if times == 1 or n == 0:
        return
    if times > MAX_BUFFER // n:
        obj_raise(ERR_MEMORY, u64(0))
        return
    if not list_reserve(lst, n * times):
        return
    repeat_into(lst, n, times)


# ----- comparisons -----------------------------------------------------------------------
# CPython compares sequences item by item: the first index where the
# items differ (by ==, identity first) decides an ordering by those two
# items; if there is none, the shorter sequence is the smaller.

def first_difference(a: u64, b: u64) -> i64:
    kind = type_of(a)[0].item
    i = i64(0)
    while i < Ptr[ListObject](a)[0].length and i < Ptr[ListObject](b)[0].length:
        if not item_eq(kind, load_at(a, i), load_at(b, i)):
            return i
        if error.kind != ERR_NONE:
            return i
        i += 1
    return i


def list_eq(a: u64, b: u64) -> bool:
    """`a == b`: same length and equal items."""
    if Ptr[ListObject](a)[0].length != Ptr[ListObject](b)[0].length:
        return False
    i = first_difference(a, b)
    return i >= Ptr[ListObject](a)[0].length


def list_lt(a: u64, b: u64) -> bool:
    """`a < b`, lexicographically (`b > a` is `list_lt(b, a)`)."""
    i = first_difference(a, b)
    if i >= Ptr[ListObject](a)[0].length or i >= Ptr[ListObject](b)[0].length:
        return Ptr[ListObject](a)[0].length < Ptr[ListObject](b)[0].length
    return item_lt(type_of(a)[0].item, load_at(a, i), load_at(b, i))


def list_le(a: u64, b: u64) -> bool:
    """`a <= b` (`b >= a` is `list_le(b, a)`): as list_lt, but when the
    items differ they decide by <=, which for items with a total order
    is "not greater"."""
    i = first_difference(a, b)
    if i >= Ptr[ListObject](a)[0].length or i >= Ptr[ListObject](b)[0].length:
        return Ptr[ListObject](a)[0].length <= Ptr[ListObject](b)[0].length
    return not item_lt(type_of(a)[0].item, load_at(b, i), load_at(a, i))


# ----- the kind's functions (KindOps: u64 in, u64 out) -------------------------------

def list_kind_clear(lst: u64) -> u64:
    """Release: drop every item and free the buffer."""
    list_clear(lst)
    return u64(0)


def list_traverse(lst: u64, visit: u64, arg: u64) -> u64:
    """Call `visit(item, arg)` for each object item (the cycle collector)."""
    kind = type_of(lst)[0].item
    if not item_is_object(kind):
        return u64(0)
    for i in range(Ptr[ListObject](lst)[0].length):
        value = Ptr[u64](Ptr[ListObject](lst)[0].items)[i]
        if value != 0:
            call_addr(visit, value, arg)
    return u64(0)


def list_size(lst: u64) -> u64:
    return LIST_SIZE


def list_kind_eq(a: u64, b: u64) -> u64:
    return u64(list_eq(a, b))


def list_kind_lt(a: u64, b: u64) -> u64:
    return u64(list_lt(a, b))


def list_repr(lst: u64, sb: u64) -> u64:
    """Append `repr(lst)` to the StrBuilder at `sb`: `[1, 'a', None]`, and
    `[...]` for a list met again inside its own repr."""
    builder = Ptr[StrBuilder](sb)
    if not repr_enter(lst):
        sb_append_ascii(builder, b"[...]")
        return u64(0)
    kind = type_of(lst)[0].item
    sb_append_byte(builder, u8(91))
    i = i64(0)
    while i < Ptr[ListObject](lst)[0].length:
        if i > 0:
            sb_append_ascii(builder, b", ")
        item_repr(kind, load_at(lst, i), builder)
        i += 1
    sb_append_byte(builder, u8(93))
    repr_leave(lst)
    return u64(0)


def init() -> None:
    """Register the list kind.  Lists have no hash: they are unhashable."""
    LIST_OPS.clear = func_addr(list_kind_clear)
    LIST_OPS.traverse = func_addr(list_traverse)
    LIST_OPS.size = func_addr(list_size)
    LIST_OPS.eq = func_addr(list_kind_eq)
    LIST_OPS.lt = func_addr(list_kind_lt)
    LIST_OPS.repr = func_addr(list_repr)
    register_kind(KIND_LIST, addr_of(LIST_OPS))
