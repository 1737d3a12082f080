"""str's methods that cut text into pieces: split, rsplit, splitlines,
partition, rpartition, and join, which puts pieces together.

`split`, `rsplit` and `splitlines` return a `list[str]` and `partition`
a `tuple[str, str, str]`, built here directly in the layouts of object.py
with the runtime's own descriptors (LIST_OF_STR_TYPE, TUPLE_OF_STR_TYPE),
so this module needs nothing from list.py: releasing them is the list and
tuple kinds' ordinary `clear`.  A separator is found as bytes (utf8.py);
whitespace is Unicode's (unicode.py).
"""

from pythos.lang import Array, Ptr, addr_of, i64, u8, u64
from pythos.rt.alloc import obj_alloc, obj_realloc
from pythos.rt.mem import copy_bytes
from pythos.rt.obj.object import (
    ERR_VALUE,
    ITEM_OBJ,
    KIND_LIST,
    KIND_TUPLE,
    STR_DATA,
    TUPLE_ITEMS,
    ListObject,
    TypeInfo,
    cstring,
    obj_new,
    str_new,
)
from pythos.rt.obj.str import (
    incref,
    piece,
    raise_ascii,
    space_at,
    str_data,
    str_empty,
    str_length,
    str_nbytes,
)
from pythos.rt.obj.unicode import is_linebreak
from pythos.rt.obj.utf8 import (
    NO_MATCH,
    find_bytes,
    prev_offset,
    rfind_bytes,
    utf8_decode,
    utf8_width,
)

LIST_OF_STR_TYPE = TypeInfo()


TUPLE_OF_STR_TYPE = TypeInfo()


list_name = Array[u8, 8]()


tuple_name = Array[u8, 8]()


def init() -> None:
    """Fill the descriptors of the lists and tuples this module makes
    (once, at start-up, after init_object)."""
    LIST_OF_STR_TYPE.kind = KIND_LIST
    LIST_OF_STR_TYPE.size = u64(40)  # a ListObject
    LIST_OF_STR_TYPE.item = ITEM_OBJ
    LIST_OF_STR_TYPE.name = cstring(addr_of(list_name), b"list")
    TUPLE_OF_STR_TYPE.kind = KIND_TUPLE
    TUPLE_OF_STR_TYPE.size = TUPLE_ITEMS + 24  # three items
    TUPLE_OF_STR_TYPE.item = ITEM_OBJ
    TUPLE_OF_STR_TYPE.name = cstring(addr_of(tuple_name), b"tuple")


def strlist_new() -> u64:
    """A new, empty list[str]."""
    return obj_new(addr_of(LIST_OF_STR_TYPE).addr, u64(40))


def strlist_append(lst: u64, s: u64) -> None:
    """Append `s`, taking over the caller's reference.  The item buffer
    grows by doubling and holds `capacity` 8-byte addresses, as list.py
    frees it."""
    lo = Ptr[ListObject](lst)
    if lo[0].length == lo[0].capacity:
        cap = lo[0].capacity * 2 if lo[0].capacity >= 4 else i64(4)
        if lo[0].items == 0:
            lo[0].items = obj_alloc(u64(cap) * 8)
        else:
            lo[0].items = obj_realloc(lo[0].items, u64(lo[0].capacity) * 8, u64(cap) * 8)
        lo[0].capacity = cap
    Ptr[u64](lo[0].items)[lo[0].length] = s
    lo[0].length += 1


def strlist_reverse(lst: u64) -> None:
    lo = Ptr[ListObject](lst)
    items = Ptr[u64](lo[0].items)
    i = i64(0)
    j = lo[0].length - 1
    while i < j:
        t = items[i]
        items[i] = items[j]
        items[j] = t
        i += 1
        j -= 1


def add_piece(lst: u64, s: u64, start: u64, end: u64) -> None:
    strlist_append(lst, piece(s, start, end))


def str_tuple3(a: u64, b: u64, c: u64) -> u64:
    """A new tuple (a, b, c), taking over the three references."""
    t = obj_new(addr_of(TUPLE_OF_STR_TYPE).addr, TUPLE_ITEMS + 24)
    Ptr[i64](t + 16)[0] = i64(3)
    items = Ptr[u64](t + TUPLE_ITEMS)
    items[0] = a
    items[1] = b
    items[2] = c
    return t


def split_whitespace(s: u64, maxsplit: i64) -> u64:
    lst = strlist_new()
    p = str_data(s)
    n = str_nbytes(s)
    i = u64(0)
    left = maxsplit
    while left != 0:
        left -= 1
        while i < n and space_at(p, i):
            i += utf8_width(p[i])
        if i == n:
            break
        j = i
        while i < n and not space_at(p, i):
            i += utf8_width(p[i])
        add_piece(lst, s, j, i)
    if i < n:
        while i < n and space_at(p, i):
            i += utf8_width(p[i])
        if i != n:
            add_piece(lst, s, i, n)
    return lst


def rsplit_whitespace(s: u64, maxsplit: i64) -> u64:
    lst = strlist_new()
    p = str_data(s)
    i = str_nbytes(s)  # the end of the part still to split
    left = maxsplit
    while left != 0:
        left -= 1
        while i > 0 and space_at(p, prev_offset(p, i)):
            i = prev_offset(p, i)
        if i == 0:
            break
        j = i
        while i > 0 and not space_at(p, prev_offset(p, i)):
            i = prev_offset(p, i)
        add_piece(lst, s, i, j)
    if i > 0:
        while i > 0 and space_at(p, prev_offset(p, i)):
            i = prev_offset(p, i)
        if i > 0:
            add_piece(lst, s, u64(0), i)
    strlist_reverse(lst)
    return lst


def str_split(s: u64, sep: u64, maxsplit: i64) -> u64:
    """s.split(sep, maxsplit): a new list[str].  `sep` 0 (None) splits at
    runs of whitespace and drops empty pieces; a negative maxsplit means no
    limit.  ValueError `empty separator`."""
    if sep == 0:
        return split_whitespace(s, maxsplit)
    m = str_nbytes(sep)
    if m == 0:
        raise_ascii(ERR_VALUE, b"empty separator")
        return u64(0)
    lst = strlist_new()
    p = str_data(s)
    n = str_nbytes(s)
    i = u64(0)
    left = maxsplit
    while left != 0:
        left -= 1
        pos = find_bytes(p, i, n, str_data(sep), m)
        if pos == NO_MATCH:
            break
        add_piece(lst, s, i, pos)
        i = pos + m
    add_piece(lst, s, i, n)
    return lst


def str_rsplit(s: u64, sep: u64, maxsplit: i64) -> u64:
    """s.rsplit(sep, maxsplit): split from the right (differs from split
    only when maxsplit stops it)."""
    if sep == 0:
        return rsplit_whitespace(s, maxsplit)
    m = str_nbytes(sep)
    if m == 0:
        raise_ascii(ERR_VALUE, b"empty separator")
        return u64(0)
    lst = strlist_new()
    p = str_data(s)
    j = str_nbytes(s)
    left = maxsplit
    while left != 0:
        left -= 1
        pos = rfind_bytes(p, u64(0), j, str_data(sep), m)
        if pos == NO_MATCH:
            break
        add_piece(lst, s, pos + m, j)
        j = pos
    add_piece(lst, s, u64(0), j)
    strlist_reverse(lst)
    return lst


def str_splitlines(s: u64, keepends: bool) -> u64:
    """s.splitlines(keepends): break at \\n, \\r, \\r\\n, \\v, \\f, \\x1c-\\x1e,
    U+0085, U+2028 and U+2029; no empty last piece."""
    lst = strlist_new()
    p = str_data(s)
    n = str_nbytes(s)
    i = u64(0)
    while i < n:
        j = i
        while i < n and not is_linebreak(utf8_decode(p, i)):
            i += utf8_width(p[i])
        eol = i
        if i < n:
            if p[i] == 13 and i + 1 < n and p[i + 1] == 10:
                i += 2
            else:
                i += utf8_width(p[i])
            if keepends:
                eol = i
        add_piece(lst, s, j, eol)
    return lst


def join_items(sep: u64, items: Ptr[u64], count: i64) -> u64:
    """`count` strs at `items` put together with `sep` between them: the
    length is added up first, so the result is allocated once."""
    if count == 0:
        return str_empty()
    nbytes = str_nbytes(sep) * u64(count - 1)
    length = str_length(sep) * u64(count - 1)
    for i in range(count):
        nbytes += str_nbytes(items[i])
        length += str_length(items[i])
    obj = str_new(nbytes, length)
    dst = obj + STR_DATA
    for i in range(count):
        if i > 0:
            copy_bytes(Ptr[u8](dst), str_data(sep), str_nbytes(sep))
            dst += str_nbytes(sep)
        copy_bytes(Ptr[u8](dst), str_data(items[i]), str_nbytes(items[i]))
        dst += str_nbytes(items[i])
    return obj


def str_join(sep: u64, lst: u64) -> u64:
    """sep.join(lst) for a list of str (ListObject of object items)."""
    lo = Ptr[ListObject](lst)
    return join_items(sep, Ptr[u64](lo[0].items), lo[0].length)


def str_join_tuple(sep: u64, t: u64) -> u64:
    """sep.join(t) for a tuple of strs (its items follow the length)."""
    return join_items(sep, Ptr[u64](t + TUPLE_ITEMS), Ptr[i64](t + 16)[0])


def str_partition(s: u64, sep: u64) -> u64:
    """s.partition(sep): a new tuple (before, sep, after), or (s, '', '')."""
    m = str_nbytes(sep)
    if m == 0:
        raise_ascii(ERR_VALUE, b"empty separator")
        return u64(0)
    n = str_nbytes(s)
    pos = find_bytes(str_data(s), u64(0), n, str_data(sep), m)
    if pos == NO_MATCH:
        return str_tuple3(incref(s), str_empty(), str_empty())
    return str_tuple3(piece(s, u64(0), pos), incref(sep), piece(s, pos + m, n))


def str_rpartition(s: u64, sep: u64) -> u64:
    """s.rpartition(sep): split at the last `sep`, or ('', '', s)."""
    m = str_nbytes(sep)
    if m == 0:
        raise_ascii(ERR_VALUE, b"empty separator")
        return u64(0)
    n = str_nbytes(s)
    pos = rfind_bytes(str_data(s), u64(0), n, str_data(sep), m)
    if pos == NO_MATCH:
        return str_tuple3(str_empty(), str_empty(), incref(s))
    return str_tuple3(piece(s, u64(0), pos), incref(sep), piece(s, pos + m, n))
