"""str: the behaviour of text objects (docs/objects.md, "Strings").

A StrObject (object.py) holds its text as UTF-8 and knows two lengths:
`length` in code points, the unit every Python operation counts in, and
`nbytes`.  When they are equal the text is ASCII and a code point index is
a byte offset; otherwise indexing walks the bytes from the start.  UTF-8
can be searched and compared as bytes: no character's encoding appears
inside another's (continuation bytes are never lead bytes), and byte
order is code point order.  So `find`, `in`, `==` and `<` work on bytes,
and only indexes (in and out) need converting.

This module has the operations the compiler calls for expressions
(`len`, `==`, `<`, `+`, `*`, `s[i]`, `s[a:b:c]`, `in`, `repr`,
`ord`, `chr`) and what other kinds need (`str_repr_into`, hashing).
Around it: utf8.py has the byte-level pieces str and bytes share,
strconv.py the conversions with integers (`str(n)`, f-string fields,
`int(s)`), strsplit.py the methods that cut text into a list or tuple,
and strmethods.py the other methods.

Conventions (object.py): objects are u64 addresses, arguments are
borrowed, object results are new references.  A function that fails
records the error (`obj_raise`) and returns 0 (or False, -1 where said).
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, func_addr, i64, u8, u32, u64
from pythos.rt.alloc import obj_resize_in_place
from pythos.rt.mem import copy_bytes, memcpy
from pythos.rt.obj.items import sb_append_ascii, sb_append_i64, str_items_eq
from pythos.rt.obj.object import (
    ERR_INDEX,
    ERR_OVERFLOW,
    ERR_TYPE,
    ERR_VALUE,
    IMMORTAL,
    KIND_STR,
    STR_DATA,
    STR_TYPE,
    KindOps,
    StrBuilder,
    StrObject,
    obj_decref,
    obj_raise,
    register_kind,
    sb_append,
    sb_append_byte,
    sb_append_str,
    sb_finish,
    sb_free,
    sb_reserve,
    str_from_ascii,
    str_new,
)
from pythos.rt.obj.slices import SliceBounds, slice_resolve
from pythos.rt.obj.unicode import is_printable, is_space
from pythos.rt.obj.utf8 import (
    NO_MATCH,
    bytes_compare,
    count_code_points,
    find_bytes,
    hash_bytes,
    utf8_decode,
    utf8_encode,
    utf8_size,
    utf8_width,
)

# ----- the text and its two lengths -------------------------------------------------


def str_data(s: u64) -> Ptr[u8]:
    return Ptr[u8](s + STR_DATA)


def str_nbytes(s: u64) -> u64:
    return u64(Ptr[StrObject](s)[0].nbytes)


def str_length(s: u64) -> u64:
    return u64(Ptr[StrObject](s)[0].length)


def str_is_ascii(s: u64) -> bool:
    so = Ptr[StrObject](s)
    return so[0].length == so[0].nbytes


def sb_append_cp(sb: Ptr[StrBuilder], cp: u32) -> None:
    """Append one code point."""
    sb_reserve(sb, u64(4))
    width = utf8_encode(Ptr[u8](sb[0].data + sb[0].nbytes), cp)
    sb[0].nbytes += width
    sb[0].length += 1


def byte_offset(s: u64, index: u64) -> u64:
    """The byte offset of code point `index` (0 <= index <= length): O(1)
    for ASCII text, a walk from the start otherwise."""
    if str_is_ascii(s):
        return index
    p = str_data(s)
    offset = u64(0)
    for _ in range(index):
        offset += utf8_width(p[offset])
    return offset


def str_sub(s: u64, start: u64, end: u64, length: u64) -> u64:
    """A new str of the bytes `start..end` of `s`, `length` code points."""
    if start == 0 and end == str_nbytes(s):
        Ptr[StrObject](s)[0].refcnt += 1
        return s
    obj = str_new(end - start, length)
    if end > start:
        copy_bytes(Ptr[u8](obj + STR_DATA), Ptr[u8](s + STR_DATA + start), end - start)
    return obj


def piece(s: u64, start: u64, end: u64) -> u64:
    """A new str of the bytes `start..end` of `s`."""
    length = end - start if str_is_ascii(s) else count_code_points(str_data(s), start, end)
    return str_sub(s, start, end, length)


def incref(s: u64) -> u64:
    """Take one more reference to `s` and return it (for a result that is
    the argument itself)."""
    Ptr[StrObject](s)[0].refcnt += 1
    return s


def space_at(p: Ptr[u8], offset: u64) -> bool:
    """Whether the code point at `offset` is whitespace (str.isspace).
    An ASCII byte needs no decoding, and that test alone is small enough
    for LLVM to inline into the loops of split and strip; other text
    decodes out of line (`space_at_wide`, kept so by inlining.py)."""
    c = u32(p[offset])
    if c < 0x80:
        return is_space(c)
    return space_at_wide(p, offset)


def space_at_wide(p: Ptr[u8], offset: u64) -> bool:
    """space_at of a character that is not ASCII."""
    return is_space(utf8_decode(p, offset))


def str_empty() -> u64:
    """A new empty str."""
    return str_new(u64(0), u64(0))


def raise_ascii(kind: u32, message: bytes) -> None:
    """Record an error whose message is an ASCII constant."""
    obj_raise(kind, str_from_ascii(message))


# ----- length, comparison, hashing --------------------------------------------------


def str_len(s: u64) -> i64:
    """len(s): code points."""
    return Ptr[StrObject](s)[0].length


def str_compare(a: u64, b: u64) -> i64:
    """Compare by code points, as CPython does; for UTF-8 that is byte
    order (the lead byte grows with the code point and with the width)."""
    return bytes_compare(str_data(a), str_nbytes(a), str_data(b), str_nbytes(b))


def str_eq(a: u64, b: u64) -> bool:
    """a == b."""
    if a == b:
        return True
    return str_items_eq(a, b)  # items.py: the byte counts, the hashes, the bytes


def str_lt(a: u64, b: u64) -> bool:
    """a < b."""
    return str_compare(a, b) < 0


def str_le(a: u64, b: u64) -> bool:
    """a <= b."""
    return str_compare(a, b) <= 0


def str_hash(s: u64) -> u64:
    """hash(s), computed once and kept in the object.  Not CPython's
    value (that one is randomised per process anyway), but the same
    promise: equal strings hash equal.  A static str (IMMORTAL) is never
    written to, since the compiler may place it in read-only memory: it
    carries its hash from the compiler (`hash_bytes` is simple to compute
    at compile time, docs/objects.md) or has it computed each time."""
    so = Ptr[StrObject](s)
    if so[0].hash != 0:
        return so[0].hash
    h = hash_bytes(str_data(s), str_nbytes(s))
    if so[0].refcnt < IMMORTAL // 2:
        so[0].hash = h
    return h


# ----- building new strings ----------------------------------------------------------


def str_concat(a: u64, b: u64) -> u64:
    """a + b.  An empty operand gives the other one back, as CPython's
    `PyUnicode_Concat` does (str is immutable, so only `is` can tell):
    `word = ""` then `word += piece` in a loop copies nothing the first
    time."""
    na = str_nbytes(a)
    nb = str_nbytes(b)
    if na == 0:
        return incref(b)
    if nb == 0:
        return incref(a)
    obj = str_new(na + nb, str_length(a) + str_length(b))
    copy_bytes(Ptr[u8](obj + STR_DATA), str_data(a), na)
    copy_bytes(Ptr[u8](obj + STR_DATA + na), str_data(b), nb)
    return obj


def str_concat_owned(a: u64, b: u64) -> u64:
    """a + b where the caller hands over its reference to `a` (it would
    have dropped it right after `str_concat`: `word += piece`, or the
    temporary of `x + y + z`).  When that reference is the only one, no
    one else can see `a`, so it is extended in place, as CPython's
    `unicode_concatenate` does for a local of count 1, when the longer
    str still fits the allocator's block (its size class): only `b`'s
    bytes are copied, and nothing is allocated or freed.  Otherwise the
    two are concatenated as usual and `a` dropped.  `a is b` (`s += s`)
    is never extended, since `b` would change under the copy."""
    so = Ptr[StrObject](a)
    na = str_nbytes(a)
    nb = str_nbytes(b)
    if (so[0].refcnt != 1 or a == b or nb == 0 or so[0].type != addr_of(STR_TYPE).addr
            or not obj_resize_in_place(STR_DATA + na + 1, STR_DATA + na + nb + 1)):
        result = str_concat(a, b)
        obj_decref(a)
        return result
    copy_bytes(Ptr[u8](a + STR_DATA + na), str_data(b), nb)
    Ptr[u8](a + STR_DATA)[na + nb] = u8(0)
    so[0].nbytes = i64(na + nb)
    so[0].length += Ptr[StrObject](b)[0].length
    so[0].hash = u64(0)  # the text changed; str_hash computes it again
    return a


def str_repeat(s: u64, count: i64) -> u64:
    """s * count (an empty str for count <= 0).  OverflowError, as CPython
    raises it, when the result could not be addressed."""
    n = str_nbytes(s)
    if count <= 0 or n == 0:
        return str_empty()
    if u64(count) > u64(0x3FFFFFFFFFFFFFFF) // n:
        raise_ascii(ERR_OVERFLOW, b"repeated string is too long")
        return u64(0)
    obj = str_new(n * u64(count), str_length(s) * u64(count))
    dst = obj + STR_DATA
    for _ in range(count):
        memcpy(Ptr[u8](dst), str_data(s), n)
        dst += n
    return obj


# The 128 one-character ASCII strings, static (IMMORTAL) objects: `s[i]`
# and `for c in s` over ASCII text then allocate nothing, as CPython's own
# one-character cache does.  The compiler gives the table as static data
# (pythos/lower/instructions.py, `ascii_chars_table`) and makes every
# one-character ASCII literal one of these objects; under CPython (the
# simulated platform) `init` fills it.
ASCII_CHAR_SIZE: Final = u64(48)  # STR_DATA + the character + NUL, rounded up
ascii_chars = Array[u8, 6144]()


def str_from_cp(cp: u32) -> u64:
    """A one-character str (new, or a static one for ASCII)."""
    if cp < 0x80:
        return ascii_char(u8(cp))
    obj = str_new(utf8_size(cp), u64(1))
    utf8_encode(Ptr[u8](obj + STR_DATA), cp)
    return obj


def ascii_char(byte: u8) -> u64:
    """The static one-character str of an ASCII byte, with a reference
    taken (its count is IMMORTAL, but every reference is counted)."""
    cached = addr_of(ascii_chars).addr + u64(byte) * ASCII_CHAR_SIZE
    Ptr[StrObject](cached)[0].refcnt += 1
    return cached


def str_getitem(s: u64, index: i64) -> u64:
    """s[index], a one-character str; negative indexes count from the end.
    IndexError `string index out of range`.

    Inlined where it is called (pythos/lower/inlining.py): in ASCII text
    (`length == nbytes`) an index in 0..length-1 is a byte offset, and
    the result one of the static one-character strs, so `text[i]` is a
    compare, a load and a count increment; everything else (a negative
    index, non-ASCII text, an error) goes to `str_getitem_any`."""
    so = Ptr[StrObject](s)
    if u64(index) < u64(so[0].nbytes) and so[0].length == so[0].nbytes:
        return ascii_char(str_data(s)[index])
    return str_getitem_any(s, index)


def str_getitem_any(s: u64, index: i64) -> u64:
    """s[index] in any text (`str_getitem`'s general path, out of line)."""
    length = str_len(s)
    i = index + length if index < 0 else index
    if i < 0 or i >= length:
        raise_ascii(ERR_INDEX, b"string index out of range")
        return u64(0)
    return str_from_cp(utf8_decode(str_data(s), byte_offset(s, u64(i))))


def str_char_at(s: u64, offset: u64) -> u64:
    """The one-character str whose encoding starts at byte `offset` of `s`:
    with `str_next_offset`, how `for c in s` walks a str in one pass (an
    index would walk from the start each time in non-ASCII text)."""
    return str_from_cp(utf8_decode(str_data(s), offset))


def str_next_offset(s: u64, offset: u64) -> u64:
    """The byte offset of the character after the one at `offset`; the
    loop ends when it reaches `nbytes`."""
    return offset + utf8_width(str_data(s)[offset])


def str_slice(s: u64, start: i64, stop: i64, step: i64, has_start: bool,
              has_stop: bool) -> u64:
    """s[start:stop:step] by code point (a missing bound has has_* False;
    the compiler passes step 1 when there is none).  ValueError for a
    zero step."""
    r = SliceBounds()
    if not slice_resolve(addr_of(r), str_len(s), start, stop, step, has_start, has_stop):
        return u64(0)
    if r.count == 0:
        return str_empty()
    p = str_data(s)
    if r.step == 1:
        first = byte_offset(s, u64(r.start))
        if str_is_ascii(s):
            last = first + u64(r.count)
        else:
            last = first
            for _ in range(r.count):
                last += utf8_width(p[last])
        return str_sub(s, first, last, u64(r.count))
    sb = StrBuilder()
    if str_is_ascii(s):
        i = r.start
        for _ in range(r.count):
            sb_append_byte(addr_of(sb), p[i])
            i += r.step
        return sb_finish(addr_of(sb))
    # Non-ASCII with a step: find each code point's offset once, then pick.
    offsets = StrBuilder()
    n = str_length(s)
    sb_reserve(addr_of(offsets), (n + 1) * 8)
    table = Ptr[u64](offsets.data)
    offset = u64(0)
    for k in range(n + 1):
        table[k] = offset
        if k < n:
            offset += utf8_width(p[offset])
    i = r.start
    for _ in range(r.count):
        first = table[i]
        sb_append(addr_of(sb), s + STR_DATA + first, table[i + 1] - first, u64(1))
        i += r.step
    sb_free(addr_of(offsets))
    return sb_finish(addr_of(sb))


# ----- searching ---------------------------------------------------------------------


def str_contains(s: u64, sub: u64) -> bool:
    """sub in s."""
    return find_bytes(str_data(s), u64(0), str_nbytes(s), str_data(sub),
                      str_nbytes(sub)) != NO_MATCH


# ----- repr -------------------------------------------------------------------------


def sb_append_hex(sb: Ptr[StrBuilder], value: u32, digits: u32) -> None:
    """`digits` lowercase hex digits of `value`."""
    shift = digits * 4
    while shift > 0:
        shift -= 4
        nibble = u8((value >> shift) & 0xF)
        sb_append_byte(sb, nibble + 48 if nibble < 10 else nibble + 87)


def str_repr_into(s: u64, sb: Ptr[StrBuilder]) -> None:
    """Append repr(s), by CPython's rules: single quotes unless the text
    has a single quote and no double one; backslash, the quote, \\t \\n \\r
    escaped; other control characters and DEL as \\xhh; non-ASCII kept if
    printable (unicode.py), else \\xhh, \\uhhhh or \\Uhhhhhhhh."""
    p = str_data(s)
    n = str_nbytes(s)
    has_single = False
    has_double = False
    for i in range(n):
        if p[i] == 39:
            has_single = True
        elif p[i] == 34:
            has_double = True
    quote = u8(34) if has_single and not has_double else u8(39)
    sb_append_byte(sb, quote)
    offset = u64(0)
    while offset < n:
        lead = p[offset]
        width = utf8_width(lead)
        if lead < 0x80:
            if lead == quote or lead == 92:
                sb_append_byte(sb, u8(92))
                sb_append_byte(sb, lead)
            elif lead == 9:
                sb_append_ascii(sb, b"\\t")
            elif lead == 10:
                sb_append_ascii(sb, b"\\n")
            elif lead == 13:
                sb_append_ascii(sb, b"\\r")
            elif lead < 32 or lead == 127:
                sb_append_ascii(sb, b"\\x")
                sb_append_hex(sb, u32(lead), u32(2))
            else:
                sb_append_byte(sb, lead)
        else:
            cp = utf8_decode(p, offset)
            if is_printable(cp):
                sb_append(sb, s + STR_DATA + offset, width, u64(1))
            elif cp <= 0xFF:
                sb_append_ascii(sb, b"\\x")
                sb_append_hex(sb, cp, u32(2))
            elif cp <= 0xFFFF:
                sb_append_ascii(sb, b"\\u")
                sb_append_hex(sb, cp, u32(4))
            else:
                sb_append_ascii(sb, b"\\U")
                sb_append_hex(sb, cp, u32(8))
        offset += width
    sb_append_byte(sb, quote)


def str_repr(s: u64) -> u64:
    """repr(s), a new str."""
    sb = StrBuilder()
    str_repr_into(s, addr_of(sb))
    return sb_finish(addr_of(sb))


# ----- ord and chr --------------------------------------------------------------------


def str_ord(s: u64) -> i64:
    """ord(c) of a one-character str; TypeError otherwise."""
    if str_len(s) != 1:
        sb = StrBuilder()
        sb_append_ascii(addr_of(sb), b"ord() expected a character, but string of length ")
        sb_append_i64(addr_of(sb), str_len(s))
        sb_append_ascii(addr_of(sb), b" found")
        obj_raise(ERR_TYPE, sb_finish(addr_of(sb)))
        return i64(-1)
    return i64(utf8_decode(str_data(s), u64(0)))


def str_chr(value: i64) -> u64:
    """chr(n): a one-character str for any code point 0..0x10FFFF."""
    if value < 0 or value > 0x10FFFF:
        raise_ascii(ERR_VALUE, b"chr() arg not in range(0x110000)")
        return u64(0)
    return str_from_cp(u32(value))


# ----- the kind's functions, for generic code (release, containers' items) ----------------


def op_hash(s: u64) -> u64:
    """KindOps.hash: hash(s)."""
    return str_hash(s)


def op_eq(a: u64, b: u64) -> u64:
    """KindOps.eq: a == b as 0 or 1."""
    return u64(1) if str_eq(a, b) else u64(0)


def op_lt(a: u64, b: u64) -> u64:
    """KindOps.lt: a < b as 0 or 1."""
    return u64(1) if str_lt(a, b) else u64(0)


def op_repr(s: u64, sb: u64) -> u64:
    """KindOps.repr: append repr(s) to the builder at `sb`."""
    str_repr_into(s, Ptr[StrBuilder](sb))
    return u64(0)


def op_str(s: u64, sb: u64) -> u64:
    """KindOps.str: append the text itself to the builder at `sb`."""
    sb_append_str(Ptr[StrBuilder](sb), s)
    return u64(0)


def op_size(s: u64) -> u64:
    """KindOps.size: the bytes the object occupies."""
    return STR_DATA + str_nbytes(s) + 1


def init() -> None:
    """Make the static one-character strings and register str's functions
    (after init_object, before any str use)."""
    for c in range(128):
        obj = addr_of(ascii_chars).addr + u64(c) * ASCII_CHAR_SIZE
        so = Ptr[StrObject](obj)
        if so[0].type != 0:
            continue  # static data, in use already: its count must stay
        so[0].refcnt = IMMORTAL
        so[0].type = addr_of(STR_TYPE).addr
        so[0].length = i64(1)
        so[0].nbytes = i64(1)
        Ptr[u8](obj + STR_DATA)[0] = u8(c)
        Ptr[u8](obj + STR_DATA)[1] = u8(0)
        so[0].hash = hash_bytes(Ptr[u8](obj + STR_DATA), u64(1))
    ops = KindOps()
    ops.size = func_addr(op_size)
    ops.hash = func_addr(op_hash)
    ops.eq = func_addr(op_eq)
    ops.lt = func_addr(op_lt)
    ops.repr = func_addr(op_repr)
    ops.str = func_addr(op_str)
    register_kind(KIND_STR, addr_of(ops))
