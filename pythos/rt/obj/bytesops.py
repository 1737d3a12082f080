"""The operations of the language's bytes values that compiled code
calls: slicing, `in`, `*`, the methods, `bytes(...)` and `bytes.fromhex`.

A bytes value is {data, length, owner} (docs/compiler.md, "bytes
values"): a view of constant data (owner 0) or the data of a bytes
object (bytes.py).  So every function here takes each bytes operand as
its data's address and length, `(p, n)`, and serves views and objects
alike; a bytes result is always a new bytes object, which the compiler
makes the owner of the value it gives the program.  The methods are the
byte halves of str's (strmethods.py, strsplit.py), with CPython's rules
and messages: whitespace, letters, digits and case are ASCII only.

A container item is one word, the address of an object, so a bytes value
stored in a list, a dict, a set or a tuple is its owner (`bytes_item`):
a view is first copied into a bytes object of its own.
"""

from pythos.lang import Ptr, addr_of, i64, u8, u64
from pythos.rt.mem import memcpy
from pythos.rt.obj.bytes import bytes_from_data, bytes_new
from pythos.rt.obj.items import sb_append_ascii, sb_append_i64
from pythos.rt.obj.list import seq_item, seq_length
from pythos.rt.obj.object import (
    BYTES_DATA,
    ERR_OVERFLOW,
    ERR_VALUE,
    KIND_BYTEARRAY,
    BytesObject,
    ListObject,
    StrBuilder,
    obj_decref,
    obj_raise,
    sb_append_byte,
    sb_finish,
    type_of,
)
from pythos.rt.obj.slices import SliceBounds, slice_resolve
from pythos.rt.obj.str import incref, raise_ascii, str_data, str_is_ascii, str_nbytes
from pythos.rt.obj.strmethods import adjust_end, adjust_start, count_bytes
from pythos.rt.obj.strsplit import strlist_append, strlist_new, strlist_reverse
from pythos.rt.obj.utf8 import NO_MATCH, bytes_compare, find_bytes, hash_bytes, rfind_bytes


def at(p: u64) -> Ptr[u8]:
    return Ptr[u8](p)


def item_data(obj: u64) -> u64:
    """The data's address of `obj`, a container's item: a bytes object's
    own, or a bytearray's buffer (a bytearray is a list of bytes)."""
    if type_of(obj)[0].kind == KIND_BYTEARRAY:
        return Ptr[ListObject](obj)[0].items
    return obj + BYTES_DATA


def item_length(obj: u64) -> i64:
    if type_of(obj)[0].kind == KIND_BYTEARRAY:
        return Ptr[ListObject](obj)[0].length
    return Ptr[BytesObject](obj)[0].length


def bytes_item(p: u64, n: i64, owner: u64) -> u64:
    """The bytes value {p, n, owner} as one object word, a new reference:
    its owner, or for a view (owner 0) a copy of its data."""
    if owner != 0:
        return incref(owner)
    return bytes_from_data(p, u64(n))


# ----- indexing, operators, hash -----------------------------------------------------


def bytes_slice_data(p: u64, n: i64, start: i64, stop: i64, step: i64, has_start: bool,
                     has_stop: bool) -> u64:
    """b[start:stop:step] (bounds clamped as CPython clamps them); ValueError
    for a zero step."""
    r = SliceBounds()
    if not slice_resolve(addr_of(r), n, start, stop, step, has_start, has_stop):
        return u64(0)
    if r.step == 1:
        return bytes_from_data(p + u64(r.start), u64(r.count))
    obj = bytes_new(u64(r.count))
    dst = Ptr[u8](obj + BYTES_DATA)
    src = at(p)
    i = r.start
    for k in range(r.count):
        dst[k] = src[i]
        i += r.step
    return obj


def bytes_contains_data(p: u64, n: i64, q: u64, m: i64) -> bool:
    """`sub in b` for bytes `sub` (q, m)."""
    if m > n:
        return False
    return find_bytes(at(p), u64(0), u64(n), at(q), u64(m)) != NO_MATCH


def bytes_contains_int(p: u64, n: i64, value: i64) -> bool:
    """`value in b` for an integer: ValueError outside 0..255."""
    if value < 0 or value > 255:
        raise_ascii(ERR_VALUE, b"byte must be in range(0, 256)")
        return False
    src = at(p)
    for i in range(n):
        if i64(src[i]) == value:
            return True
    return False


def bytes_repeat_data(p: u64, n: i64, count: i64) -> u64:
    """b * count (empty for count <= 0); OverflowError as CPython's when the
    result could not be addressed."""
    if count <= 0 or n == 0:
        return bytes_new(u64(0))
    if u64(count) > u64(0x3FFFFFFFFFFFFFFF) // u64(n):
        raise_ascii(ERR_OVERFLOW, b"repeated bytes are too long")
        return u64(0)
    obj = bytes_new(u64(n) * u64(count))
    dst = obj + BYTES_DATA
    for _ in range(count):
        memcpy(Ptr[u8](dst), at(p), u64(n))
        dst += u64(n)
    return obj


def bytes_hash_data(p: u64, n: i64) -> u64:
    """hash(b): the hash a bytes object with this data has (bytes_hash), so
    a view and an object that are equal hash alike."""
    return hash_bytes(at(p), u64(n))


# ----- strip, split, join --------------------------------------------------------------


def is_space_byte(c: u8) -> bool:
    """ASCII whitespace, as bytes.isspace and bytes.split see it."""
    return c == 32 or (c >= 9 and c <= 13)


def strip_member(c: u8, chars: u64, nchars: i64, has_chars: bool) -> bool:
    if not has_chars:
        return is_space_byte(c)
    set_p = at(chars)
    for k in range(nchars):
        if set_p[k] == c:
            return True
    return False


def bytes_strip_data(p: u64, n: i64, chars: u64, nchars: i64, has_chars: bool, left: bool,
                     right: bool) -> u64:
    """b.strip(chars), lstrip (`right` false) and rstrip (`left` false):
    whitespace when `chars` is left out or None."""
    src = at(p)
    lo = i64(0)
    hi = n
    if left:
        while lo < hi and strip_member(src[lo], chars, nchars, has_chars):
            lo += 1
    if right:
        while hi > lo and strip_member(src[hi - 1], chars, nchars, has_chars):
            hi -= 1
    return bytes_from_data(p + u64(lo), u64(hi - lo))


def add_bytes_piece(lst: u64, p: u64, start: i64, end: i64) -> None:
    strlist_append(lst, bytes_from_data(p + u64(start), u64(end - start)))


def split_space(p: u64, n: i64, maxsplit: i64, reverse: bool) -> u64:
    """split() and rsplit() with no separator: runs of whitespace separate,
    and none gives an empty piece."""
    lst = strlist_new()
    src = at(p)
    left = maxsplit
    if not reverse:
        i = i64(0)
        while True:
            while i < n and is_space_byte(src[i]):
                i += 1
            if i == n:
                break
            if left == 0:
                add_bytes_piece(lst, p, i, n)
                break
            left -= 1
            j = i
            while i < n and not is_space_byte(src[i]):
                i += 1
            add_bytes_piece(lst, p, j, i)
        return lst
    i = n
    while True:
        while i > 0 and is_space_byte(src[i - 1]):
            i -= 1
        if i == 0:
            break
        if left == 0:
            add_bytes_piece(lst, p, 0, i)
            break
        left -= 1
        j = i
        while i > 0 and not is_space_byte(src[i - 1]):
            i -= 1
        add_bytes_piece(lst, p, i, j)
    strlist_reverse(lst)
    return lst


def bytes_split_data(p: u64, n: i64, sep: u64, m: i64, has_sep: bool, maxsplit: i64,
                     reverse: bool) -> u64:
    """b.split(sep, maxsplit) and rsplit (`reverse`): a new list[bytes];
    ValueError for an empty separator."""
    if not has_sep:
        return split_space(p, n, maxsplit, reverse)
    if m == 0:
        raise_ascii(ERR_VALUE, b"empty separator")
        return u64(0)
    lst = strlist_new()
    left = maxsplit
    if not reverse:
        i = u64(0)
        while left != 0:
            pos = find_bytes(at(p), i, u64(n), at(sep), u64(m))
            if pos == NO_MATCH:
                break
            left -= 1
            add_bytes_piece(lst, p, i64(i), i64(pos))
            i = pos + u64(m)
        add_bytes_piece(lst, p, i64(i), n)
        return lst
    end = u64(n)
    while left != 0:
        pos = rfind_bytes(at(p), u64(0), end, at(sep), u64(m))
        if pos == NO_MATCH:
            break
        left -= 1
        add_bytes_piece(lst, p, i64(pos + u64(m)), i64(end))
        end = pos
    add_bytes_piece(lst, p, 0, i64(end))
    strlist_reverse(lst)
    return lst


def bytes_join_seq(sep: u64, m: i64, seq: u64) -> u64:
    """sep.join(seq) of a list or tuple of bytes or bytearrays: the result's
    size is summed first, so it is made once."""
    count = seq_length(seq)
    total = i64(0)
    for k in range(count):
        total += item_length(seq_item(seq, k))
    if count > 0:
        total += m * (count - 1)
    obj = bytes_new(u64(total))
    dst = obj + BYTES_DATA
    for k in range(count):
        if k > 0:
            memcpy(Ptr[u8](dst), at(sep), u64(m))
            dst += u64(m)
        item = seq_item(seq, k)
        length = u64(item_length(item))
        memcpy(Ptr[u8](dst), at(item_data(item)), length)
        dst += length
    return obj


# ----- search ------------------------------------------------------------------------------


def bytes_startswith_data(p: u64, n: i64, q: u64, m: i64, start: i64, end: i64,
                          has_start: bool, has_end: bool, at_end: bool) -> bool:
    """b.startswith(prefix, start, end), or endswith (`at_end`)."""
    lo = adjust_start(start, has_start, n)
    hi = adjust_end(end, has_end, n)
    if hi - m < lo:
        return False
    offset = hi - m if at_end else lo
    return bytes_compare(at(p + u64(offset)), u64(m), at(q), u64(m)) == 0


def bytes_find_data(p: u64, n: i64, q: u64, m: i64, start: i64, end: i64, has_start: bool,
                    has_end: bool, reverse: bool) -> i64:
    """b.find(sub, start, end) (rfind: `reverse`): the index, or -1."""
    lo = adjust_start(start, has_start, n)
    hi = adjust_end(end, has_end, n)
    if hi - lo < m:
        return i64(-1)
    if reverse:
        pos = rfind_bytes(at(p), u64(lo), u64(hi), at(q), u64(m))
    else:
        pos = find_bytes(at(p), u64(lo), u64(hi), at(q), u64(m))
    return i64(-1) if pos == NO_MATCH else i64(pos)


def bytes_index_data(p: u64, n: i64, q: u64, m: i64, start: i64, end: i64, has_start: bool,
                     has_end: bool, reverse: bool) -> i64:
    """b.index(sub, start, end) (rindex: `reverse`): find's index, or
    ValueError when there is none."""
    pos = bytes_find_data(p, n, q, m, start, end, has_start, has_end, reverse)
    if pos < 0:
        raise_ascii(ERR_VALUE, b"subsection not found")
    return pos


def bytes_count_data(p: u64, n: i64, q: u64, m: i64, start: i64, end: i64, has_start: bool,
                     has_end: bool) -> i64:
    """b.count(sub, start, end): non-overlapping occurrences (positions + 1
    for an empty `sub`)."""
    lo = adjust_start(start, has_start, n)
    hi = adjust_end(end, has_end, n)
    if hi - lo < m:
        return i64(0)
    if m == 0:
        return hi - lo + 1
    return count_bytes(at(p), u64(lo), u64(hi), at(q), u64(m), i64(-1))


def bytes_replace_data(p: u64, n: i64, old: u64, m: i64, new: u64, k: i64,
                       count: i64) -> u64:
    """b.replace(old, new, count): at most `count` replacements from the
    left (all if negative); an empty `old` matches before every byte and at
    the end.  The result's size is counted first, so it is made once."""
    matches = n + 1 if m == 0 else count_bytes(at(p), u64(0), u64(n), at(old), u64(m), i64(-1))
    if count >= 0 and count < matches:
        matches = count
    obj = bytes_new(u64(n + matches * (k - m)))
    dst = obj + BYTES_DATA
    i = i64(0)
    for _ in range(matches):
        if m == 0:
            pos = i
        else:
            pos = i64(find_bytes(at(p), u64(i), u64(n), at(old), u64(m)))
        memcpy(Ptr[u8](dst), at(p + u64(i)), u64(pos - i))
        dst += u64(pos - i)
        memcpy(Ptr[u8](dst), at(new), u64(k))
        dst += u64(k)
        i = pos + m
        if m == 0 and i < n:
            Ptr[u8](dst)[0] = at(p)[i]
            dst += 1
            i += 1
    if i < n:
        memcpy(Ptr[u8](dst), at(p + u64(i)), u64(n - i))
    return obj


# ----- case and tests ---------------------------------------------------------------------


def bytes_case_data(p: u64, n: i64, upper: bool) -> u64:
    """b.upper() (`upper`) or b.lower(): ASCII letters only."""
    obj = bytes_new(u64(n))
    dst = Ptr[u8](obj + BYTES_DATA)
    src = at(p)
    for i in range(n):
        c = src[i]
        if upper and c >= 97 and c <= 122:
            c -= 32
        elif not upper and c >= 65 and c <= 90:
            c += 32
        dst[i] = c
    return obj


def byte_test(c: u8, test: i64) -> bool:
    if test == 0:
        return c >= 48 and c <= 57
    if test == 1:
        return (c >= 65 and c <= 90) or (c >= 97 and c <= 122)
    return is_space_byte(c)


def bytes_test_data(p: u64, n: i64, test: i64) -> bool:
    """b.isdigit() (test 0), isalpha() (1) or isspace() (2): ASCII, and
    false for empty bytes."""
    if n == 0:
        return False
    src = at(p)
    for i in range(n):
        if not byte_test(src[i], test):
            return False
    return True


def bytes_hex_data(p: u64, n: i64) -> u64:
    """b.hex(): a new str of two lowercase hex digits a byte."""
    sb = StrBuilder()
    src = at(p)
    for i in range(n):
        sb_append_byte(addr_of(sb), hex_digit(src[i] >> 4))
        sb_append_byte(addr_of(sb), hex_digit(src[i] & 15))
    return sb_finish(addr_of(sb))


def hex_digit(v: u8) -> u8:
    return v + 48 if v < 10 else v + 87


# ----- bytes(...) and bytes.fromhex -------------------------------------------------------


def bytes_zeros(count: i64) -> u64:
    """bytes(count): `count` zero bytes; ValueError if negative."""
    if count < 0:
        raise_ascii(ERR_VALUE, b"negative count")
        return u64(0)
    return bytes_new(u64(count))


def bytes_from_seq(seq: u64) -> u64:
    """bytes(xs) of a list or tuple of integers; ValueError for an item
    outside 0..255."""
    count = seq_length(seq)
    obj = bytes_new(u64(count))
    dst = Ptr[u8](obj + BYTES_DATA)
    for k in range(count):
        v = i64(seq_item(seq, k))
        if v < 0 or v > 255:
            raise_ascii(ERR_VALUE, b"bytes must be in range(0, 256)")
            obj_decref(obj)
            return u64(0)
        dst[k] = u8(v)
    return obj


def hex_value(c: u8) -> i64:
    if c >= 48 and c <= 57:
        return i64(c) - 48
    if c >= 97 and c <= 102:
        return i64(c) - 87
    if c >= 65 and c <= 70:
        return i64(c) - 55
    return i64(-1)


def fromhex_error(position: i64) -> u64:
    sb = StrBuilder()
    sb_append_ascii(addr_of(sb), b"non-hexadecimal number found in fromhex() arg at position ")
    sb_append_i64(addr_of(sb), position)
    obj_raise(ERR_VALUE, sb_finish(addr_of(sb)))
    return u64(0)


def fromhex_scan(p: Ptr[u8], n: i64, out: Ptr[u8], write: bool) -> i64:
    """Read the pairs of hex digits at `p` (whitespace between pairs), and
    store them at `out` if `write`: the number of bytes, or -1 - the
    position of the first bad character."""
    i = i64(0)
    count = i64(0)
    while i < n:
        if is_space_byte(p[i]):
            i += 1
            continue
        high = hex_value(p[i])
        if high < 0:
            return -1 - i
        if i + 1 >= n:
            return -1 - (i + 1)
        low = hex_value(p[i + 1])
        if low < 0:
            return -1 - (i + 1)
        if write:
            out[count] = u8(high * 16 + low)
        count += 1
        i += 2
    return count


def bytes_fromhex(s: u64) -> u64:
    """bytes.fromhex(s), with CPython's ValueError naming the position of
    the first character that is not a hex digit (for text that is not
    ASCII, of its first non-ASCII character)."""
    p = str_data(s)
    n = i64(str_nbytes(s))
    if not str_is_ascii(s):
        first = i64(0)
        while p[first] < 128:
            first += 1
        return fromhex_error(first)
    count = fromhex_scan(p, n, p, False)
    if count < 0:
        return fromhex_error(-1 - count)
    obj = bytes_new(u64(count))
    fromhex_scan(p, n, Ptr[u8](obj + BYTES_DATA), True)
    return obj

