"""bytearray: a list of bytes with a kind of its own (KIND_BYTEARRAY).

A bytearray is a `ListObject` whose TypeInfo (BYTEARRAY_TYPE, here) has
the item kind ITEM_U8: its buffer is the bytes themselves, and it grows
as a list[u8] does.  So list.py's functions that keep the item kind of
the list they are given (len, `for`, slicing, `*`, `+` of two
bytearrays, copy, reverse, count of an int, `in` of an int, the
comparisons) work on it unchanged and give a bytearray back.  What is
its own is here: CPython's messages (`bytearray index out of range`),
the check that a value stored is a byte (ValueError `byte must be in
range(0, 256)`, where a list[u8] would wrap), filling one from bytes
data, and its text, `bytearray(b'...')`.

The data of a bytearray is `items` and `length`, which compiled code
hands to bytesops.py's functions as it hands a bytes value's data
(ir/build/bytes.py, `bytes_parts`), so the read-only bytes methods and
`decode` serve both.  Conventions are list.py's: arguments borrowed,
results new, errors recorded with `obj_raise`.
"""

from pythos.lang import Array, Ptr, addr_of, func_addr, i64, u8, u64
from pythos.rt.mem import memcpy
from pythos.rt.obj.bytes import data_repr_into
from pythos.rt.obj.bytesops import bytes_split_data
from pythos.rt.obj.items import sb_append_ascii
from pythos.rt.obj.list import (
    LIST_SIZE,
    list_append,
    list_insert,
    list_kind_clear,
    list_new,
    list_pop,
    list_reserve,
    list_size,
    remove_at,
    seq_item,
    seq_length,
)
from pythos.rt.obj.object import (
    BYTES_DATA,
    ERR_INDEX,
    ERR_NONE,
    ERR_TYPE,
    ERR_VALUE,
    ITEM_U8,
    KIND_BYTEARRAY,
    BytesObject,
    KindOps,
    ListObject,
    StrBuilder,
    TypeInfo,
    cstring,
    error,
    obj_decref,
    register_kind,
    sb_append_byte,
)
from pythos.rt.obj.str import raise_ascii
from pythos.rt.obj.utf8 import bytes_compare

BYTEARRAY_TYPE = TypeInfo()
bytearray_name = Array[u8, 16]()
BYTEARRAY_OPS = KindOps()


def data_of(ba: u64) -> Ptr[u8]:
    return Ptr[u8](Ptr[ListObject](ba)[0].items)


def length_of(ba: u64) -> i64:
    return Ptr[ListObject](ba)[0].length


def is_byte(value: i64) -> bool:
    """Whether `value` may be stored; if not, ValueError is recorded."""
    if value < 0 or value > 255:
        raise_ascii(ERR_VALUE, b"byte must be in range(0, 256)")
        return False
    return True


def in_range(ba: u64, index: i64) -> i64:
    """`index` (negative counts from the end) as an index into `ba`, or
    -1 with IndexError `bytearray index out of range` recorded."""
    n = length_of(ba)
    i = index + n if index < 0 else index
    if i < 0 or i >= n:
        raise_ascii(ERR_INDEX, b"bytearray index out of range")
        return i64(-1)
    return i


# ----- making one ------------------------------------------------------------------------

def bytearray_from_data(data: u64, n: i64) -> u64:
    """A new bytearray holding a copy of the `n` bytes at `data`
    (`bytearray(b"...")`, `bytearray(ba)`, `ba + data`'s first half)."""
    ba = list_new(addr_of(BYTEARRAY_TYPE).addr, n)
    if error.kind != ERR_NONE:
        return ba
    if n > 0:
        memcpy(data_of(ba), Ptr[u8](data), u64(n))
    Ptr[ListObject](ba)[0].length = n
    return ba


def bytearray_zeros(count: i64) -> u64:
    """`bytearray(n)`: n zero bytes; ValueError `negative count`."""
    if count < 0:
        raise_ascii(ERR_VALUE, b"negative count")
        return u64(0)
    ba = list_new(addr_of(BYTEARRAY_TYPE).addr, count)
    if error.kind != ERR_NONE:
        return ba
    for i in range(count):
        data_of(ba)[i] = u8(0)
    Ptr[ListObject](ba)[0].length = count
    return ba


def bytearray_from_seq(seq: u64) -> u64:
    """`bytearray(xs)` of a list or tuple of integers (ValueError for one
    outside 0..255)."""
    ba = list_new(addr_of(BYTEARRAY_TYPE).addr, seq_length(seq))
    if error.kind == ERR_NONE:
        bytearray_extend_seq(ba, seq)
    if error.kind != ERR_NONE and ba != 0:
        obj_decref(ba)
        return u64(0)
    return ba


def bytearray_of_bytes(obj: u64) -> u64:
    """The bytes object `obj` (owned, or 0 after a failed call: then 0)
    as a new bytearray, `obj` dropped: the result of a bytes method
    (upper, strip, ...) called on a bytearray."""
    if obj == 0:
        return u64(0)
    ba = bytearray_from_data(obj + BYTES_DATA, Ptr[BytesObject](obj)[0].length)
    obj_decref(obj)
    return ba


def bytearray_split_data(p: u64, n: i64, sep: u64, m: i64, has_sep: bool, maxsplit: i64,
                         reverse: bool) -> u64:
    """ba.split(sep, maxsplit) and rsplit (`reverse`): bytes.split's list,
    each piece then made a bytearray, as CPython gives them; 0 after an
    error (ValueError for an empty separator, MemoryError)."""
    lst = bytes_split_data(p, n, sep, m, has_sep, maxsplit, reverse)
    if error.kind != ERR_NONE:
        return u64(0)
    items = Ptr[u64](Ptr[ListObject](lst)[0].items)
    n = Ptr[ListObject](lst)[0].length
    for k in range(n):
        piece = bytearray_of_bytes(items[k])  # the bytes piece goes
        if error.kind != ERR_NONE:
            # MemoryError: the list keeps only the pieces before this one,
            # and goes.
            if piece != 0:
                obj_decref(piece)
            for j in range(k + 1, n):
                obj_decref(items[j])
            Ptr[ListObject](lst)[0].length = k
            obj_decref(lst)
            return u64(0)
        items[k] = piece
    return lst


def bytearray_concat_data(ba: u64, data: u64, n: i64) -> u64:
    """`ba + data` (bytes or a bytearray's data): a new bytearray."""
    result = bytearray_from_data(Ptr[ListObject](ba)[0].items, length_of(ba))
    if error.kind == ERR_NONE:
        bytearray_extend_data(result, data, n)
    return result


# ----- items ------------------------------------------------------------------------------

def bytearray_get(ba: u64, index: i64) -> i64:
    """`ba[index]`, 0..255."""
    i = in_range(ba, index)
    if i < 0:
        return i64(0)
    return i64(data_of(ba)[i])


def bytearray_set(ba: u64, index: i64, value: i64) -> None:
    """`ba[index] = value`: the value is checked first, as CPython does."""
    if not is_byte(value):
        return
    i = in_range(ba, index)
    if i >= 0:
        data_of(ba)[i] = u8(value)


def bytearray_del(ba: u64, index: i64) -> None:
    """`del ba[index]`."""
    i = in_range(ba, index)
    if i >= 0:
        remove_at(ba, i)


def bytearray_append(ba: u64, value: i64) -> None:
    """`ba.append(value)`."""
    if is_byte(value):
        list_append(ba, u64(value))


def bytearray_insert(ba: u64, index: i64, value: i64) -> None:
    """`ba.insert(index, value)` (an index out of range is clamped)."""
    if is_byte(value):
        list_insert(ba, index, u64(value))


def bytearray_pop(ba: u64, index: i64) -> i64:
    """`ba.pop(index)`: IndexError `pop from empty bytearray` or `pop
    index out of range`."""
    if length_of(ba) == 0:
        raise_ascii(ERR_INDEX, b"pop from empty bytearray")
        return i64(0)
    return i64(list_pop(ba, index))


def bytearray_remove(ba: u64, value: i64) -> None:
    """`ba.remove(value)`: the first byte equal to it; ValueError `value
    not found in bytearray`."""
    if not is_byte(value):
        return
    for i in range(length_of(ba)):
        if i64(data_of(ba)[i]) == value:
            remove_at(ba, i)
            return
    raise_ascii(ERR_VALUE, b"value not found in bytearray")


def bytearray_extend_data(ba: u64, data: u64, n: i64) -> None:
    """`ba.extend(data)` and `ba += data` of bytes or a bytearray (which
    may be `ba` itself: its buffer may move as it grows, so the bytes
    are found again after)."""
    lo = Ptr[ListObject](ba)
    own = data == lo[0].items
    length = lo[0].length
    if not list_reserve(ba, length + n):
        return
    if own:
        data = lo[0].items
    if n > 0:
        memcpy(Ptr[u8](lo[0].items + u64(length)), Ptr[u8](data), u64(n))
    lo[0].length = length + n


def bytearray_extend_seq(ba: u64, seq: u64) -> None:
    """`ba.extend(xs)` of a list or tuple of integers: every one is
    checked before any is added, so a bad one leaves `ba` as it was (as
    in CPython, which builds the new bytes first)."""
    count = seq_length(seq)
    for k in range(count):
        if not is_byte(i64(seq_item(seq, k))):
            return
    length = length_of(ba)
    if not list_reserve(ba, length + count):
        return
    for k in range(count):
        data_of(ba)[length + k] = u8(seq_item(seq, k))
    Ptr[ListObject](ba)[0].length = length + count


def bytearray_hash(ba: u64) -> i64:
    """`hash(ba)`: TypeError, a bytearray has no hash."""
    raise_ascii(ERR_TYPE, b"unhashable type: 'bytearray'")
    return i64(0)


# ----- the kind's functions ---------------------------------------------------------------

def op_eq(a: u64, b: u64) -> u64:
    """KindOps.eq: a == b as 0 or 1 (two bytearrays: their bytes)."""
    if length_of(a) != length_of(b):
        return u64(0)
    same = bytes_compare(data_of(a), u64(length_of(a)), data_of(b), u64(length_of(b))) == 0
    return u64(1) if same else u64(0)


def op_lt(a: u64, b: u64) -> u64:
    """KindOps.lt: a < b as 0 or 1 (byte by byte, then by length)."""
    order = bytes_compare(data_of(a), u64(length_of(a)), data_of(b), u64(length_of(b)))
    return u64(1) if order < 0 else u64(0)


def op_repr(ba: u64, sb: u64) -> u64:
    """KindOps.repr: `bytearray(b'...')` (also its str and print's text)."""
    builder = Ptr[StrBuilder](sb)
    sb_append_ascii(builder, b"bytearray(")
    data_repr_into(data_of(ba), u64(length_of(ba)), builder)
    sb_append_byte(builder, u8(41))
    return u64(0)


def init() -> None:
    """Fill BYTEARRAY_TYPE and register the kind: released as a list is
    (its buffer freed), never a cycle (it holds no objects), no hash."""
    BYTEARRAY_TYPE.kind = KIND_BYTEARRAY
    BYTEARRAY_TYPE.size = LIST_SIZE
    BYTEARRAY_TYPE.item = ITEM_U8
    BYTEARRAY_TYPE.name = cstring(addr_of(bytearray_name), b"bytearray")
    BYTEARRAY_OPS.clear = func_addr(list_kind_clear)
    BYTEARRAY_OPS.size = func_addr(list_size)
    BYTEARRAY_OPS.eq = func_addr(op_eq)
    BYTEARRAY_OPS.lt = func_addr(op_lt)
    BYTEARRAY_OPS.repr = func_addr(op_repr)
    register_kind(KIND_BYTEARRAY, addr_of(BYTEARRAY_OPS))
