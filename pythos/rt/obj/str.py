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
(`len`, `==`, `<`, `+`, `*`, `s[i]`, `s[a:b:c]`, `in`, `repr`, `str(n)`,
f-string fields, `int(s)`, `ord`, `chr`) and what other kinds need
(`str_repr_into`, hashing).  The methods are in strmethods.py.

Conventions (object.py): objects are u64 addresses, arguments are
borrowed, object results are new references.  A function that fails
records the error (`obj_raise`) and returns 0 (or False, -1 where said).
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, func_addr, i64, struct, u8, u32, u64
from pythos.rt.mem import memcpy
from pythos.rt.obj.items import sb_append_ascii, sb_append_i64, sb_append_u64
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
from pythos.rt.obj.unicode import decimal_value, is_printable, is_space

NOT_FOUND: Final = u32(0xFFFFFFFF)


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


def utf8_width(lead: u8) -> u64:
    """Bytes in the encoding that starts with `lead` (valid UTF-8)."""
    if lead < 0x80:
        return u64(1)
    if lead < 0xE0:
        return u64(2)
    if lead < 0xF0:
        return u64(3)
    return u64(4)


def utf8_decode(p: Ptr[u8], offset: u64) -> u32:
    """The code point whose (valid) encoding starts at `p[offset]`."""
    lead = u32(p[offset])
    if lead < 0x80:
        return lead
    if lead < 0xE0:
        return ((lead & 0x1F) << 6) | (u32(p[offset + 1]) & 0x3F)
    if lead < 0xF0:
        return (((lead & 0x0F) << 12) | ((u32(p[offset + 1]) & 0x3F) << 6)
                | (u32(p[offset + 2]) & 0x3F))
    return (((lead & 0x07) << 18) | ((u32(p[offset + 1]) & 0x3F) << 12)
            | ((u32(p[offset + 2]) & 0x3F) << 6) | (u32(p[offset + 3]) & 0x3F))


def utf8_encode(p: Ptr[u8], cp: u32) -> u64:
    """Write the encoding of `cp` at `p`; its width in bytes.  A surrogate
    (U+D800..U+DFFF, which `chr` can make) is encoded like any other
    three-byte code point, as CPython's internal form keeps it."""
    if cp < 0x80:
        p[0] = u8(cp)
        return u64(1)
    if cp < 0x800:
        p[0] = u8(0xC0 | (cp >> 6))
        p[1] = u8(0x80 | (cp & 0x3F))
        return u64(2)
    if cp < 0x10000:
        p[0] = u8(0xE0 | (cp >> 12))
        p[1] = u8(0x80 | ((cp >> 6) & 0x3F))
        p[2] = u8(0x80 | (cp & 0x3F))
        return u64(3)
    p[0] = u8(0xF0 | (cp >> 18))
    p[1] = u8(0x80 | ((cp >> 12) & 0x3F))
    p[2] = u8(0x80 | ((cp >> 6) & 0x3F))
    p[3] = u8(0x80 | (cp & 0x3F))
    return u64(4)


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


def count_code_points(p: Ptr[u8], start: u64, end: u64) -> u64:
    """Code points in bytes `start..end` of valid UTF-8: every byte but a
    continuation byte (10xxxxxx) starts one."""
    n = u64(0)
    for i in range(start, end):
        if (p[i] & 0xC0) != 0x80:
            n += 1
    return n


def str_sub(s: u64, start: u64, end: u64, length: u64) -> u64:
    """A new str of the bytes `start..end` of `s`, `length` code points."""
    if start == 0 and end == str_nbytes(s):
        Ptr[StrObject](s)[0].refcnt += 1
        return s
    obj = str_new(end - start, length)
    if end > start:
        memcpy(Ptr[u8](obj + STR_DATA), Ptr[u8](s + STR_DATA + start), end - start)
    return obj


def str_empty() -> u64:
    return str_new(u64(0), u64(0))


def raise_ascii(kind: u32, message: bytes) -> None:
    obj_raise(kind, str_from_ascii(message))


# ----- length, comparison, hashing --------------------------------------------------


def str_len(s: u64) -> i64:
    """len(s): code points."""
    return Ptr[StrObject](s)[0].length


def bytes_compare(a: Ptr[u8], na: u64, b: Ptr[u8], nb: u64) -> i64:
    """<0, 0 or >0 as the byte string a is below, equal to or above b."""
    n = na if na < nb else nb
    for i in range(n):
        if a[i] != b[i]:
            return i64(a[i]) - i64(b[i])
    if na == nb:
        return i64(0)
    return i64(-1) if na < nb else i64(1)


def str_compare(a: u64, b: u64) -> i64:
    """Compare by code points, as CPython does; for UTF-8 that is byte
    order (the lead byte grows with the code point and with the width)."""
    return bytes_compare(str_data(a), str_nbytes(a), str_data(b), str_nbytes(b))


def str_eq(a: u64, b: u64) -> bool:
    """a == b."""
    if a == b:
        return True
    sa = Ptr[StrObject](a)
    sb = Ptr[StrObject](b)
    if sa[0].nbytes != sb[0].nbytes or sa[0].length != sb[0].length:
        return False
    if sa[0].hash != 0 and sb[0].hash != 0 and sa[0].hash != sb[0].hash:
        return False
    return str_compare(a, b) == 0


def str_lt(a: u64, b: u64) -> bool:
    """a < b."""
    return str_compare(a, b) < 0


def str_le(a: u64, b: u64) -> bool:
    """a <= b."""
    return str_compare(a, b) <= 0


def hash_bytes(p: Ptr[u8], n: u64) -> u64:
    """FNV-1a over the bytes, then the 64-bit finaliser of MurmurHash3 to
    spread FNV's weak low bits (a dict uses the low bits first).  Never 0
    (the "not computed" mark) or -1 (CPython's error value)."""
    h = u64(0xCBF29CE484222325)
    for i in range(n):
        h = (h ^ u64(p[i])) * u64(0x100000001B3)
    h ^= h >> 33
    h *= u64(0xFF51AFD7ED558CCD)
    h ^= h >> 33
    h *= u64(0xC4CEB9FE1A85EC53)
    h ^= h >> 33
    if h == 0:
        return u64(1)
    if h == u64(0xFFFFFFFFFFFFFFFF):
        return u64(0xFFFFFFFFFFFFFFFE)
    return h


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
    """a + b."""
    na = str_nbytes(a)
    nb = str_nbytes(b)
    obj = str_new(na + nb, str_length(a) + str_length(b))
    memcpy(Ptr[u8](obj + STR_DATA), str_data(a), na)
    memcpy(Ptr[u8](obj + STR_DATA + na), str_data(b), nb)
    return obj


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


def utf8_size(cp: u32) -> u64:
    """Bytes in the encoding of `cp`."""
    if cp < 0x80:
        return u64(1)
    if cp < 0x800:
        return u64(2)
    if cp < 0x10000:
        return u64(3)
    return u64(4)


# The 128 one-character ASCII strings, made once by `init` as static
# (IMMORTAL) objects: `s[i]` and `for c in s` over ASCII text then
# allocate nothing, as CPython's own one-character cache does.
ASCII_CHAR_SIZE: Final = u64(48)  # STR_DATA + the character + NUL, rounded up
ascii_chars = Array[u8, 6144]()


def str_from_cp(cp: u32) -> u64:
    """A one-character str (new, or a static one for ASCII)."""
    if cp < 0x80:
        cached = addr_of(ascii_chars).addr + u64(cp) * ASCII_CHAR_SIZE
        Ptr[StrObject](cached)[0].refcnt += 1
        return cached
    obj = str_new(utf8_size(cp), u64(1))
    utf8_encode(Ptr[u8](obj + STR_DATA), cp)
    return obj


def str_getitem(s: u64, index: i64) -> u64:
    """s[index], a one-character str; negative indexes count from the end.
    IndexError `string index out of range`."""
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


@struct
class SliceRange:
    """A slice fitted to a sequence (CPython's PySlice_AdjustIndices):
    `count` items from `start`, `step` apart."""

    start: i64
    step: i64
    count: i64


def slice_adjust(out: Ptr[SliceRange], length: i64, start: i64, stop: i64, step: i64,
                 has_start: bool, has_stop: bool) -> bool:
    """Clamp `start:stop:step` to a sequence of `length` items, as CPython
    does: missing bounds are the ends (in the direction of the step), a
    negative one counts from the end, and one out of range is moved to
    the nearest end.  False, with ValueError recorded, for a zero step."""
    if step == 0:
        raise_ascii(ERR_VALUE, b"slice step cannot be zero")
        return False
    lo = start
    hi = stop
    if not has_start:
        lo = length - 1 if step < 0 else i64(0)
    else:
        if lo < 0:
            lo += length
            if lo < 0:
                lo = i64(-1) if step < 0 else i64(0)
        elif lo >= length:
            lo = length - 1 if step < 0 else length
    if not has_stop:
        hi = i64(-1) if step < 0 else length
    else:
        if hi < 0:
            hi += length
            if hi < 0:
                hi = i64(-1) if step < 0 else i64(0)
        elif hi >= length:
            hi = length - 1 if step < 0 else length
    count = i64(0)
    if step < 0:
        if hi < lo:
            count = (lo - hi - 1) // (0 - step) + 1
    elif lo < hi:
        count = (hi - lo - 1) // step + 1
    out[0].start = lo
    out[0].step = step
    out[0].count = count
    return True


def str_slice(s: u64, start: i64, stop: i64, step: i64, has_start: bool,
              has_stop: bool) -> u64:
    """s[start:stop:step] by code point (a missing bound has has_* False;
    the compiler passes step 1 when there is none).  ValueError for a
    zero step."""
    r = SliceRange()
    if not slice_adjust(addr_of(r), str_len(s), start, stop, step, has_start, has_stop):
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


def find_bytes(hay: Ptr[u8], start: u64, end: u64, needle: Ptr[u8], n: u64) -> u64:
    """The first offset in `start..end - n` where the `n` bytes of `needle`
    occur in `hay`, or 2**64 - 1."""
    if n == 0:
        return start if start <= end else u64(0xFFFFFFFFFFFFFFFF)
    if end < start + n:
        return u64(0xFFFFFFFFFFFFFFFF)
    first = needle[0]
    for i in range(start, end - n + 1):
        if hay[i] == first:
            j = u64(1)
            while j < n and hay[i + j] == needle[j]:
                j += 1
            if j == n:
                return i
    return u64(0xFFFFFFFFFFFFFFFF)


def rfind_bytes(hay: Ptr[u8], start: u64, end: u64, needle: Ptr[u8], n: u64) -> u64:
    """The last offset in `start..end - n` where `needle` occurs, or
    2**64 - 1."""
    if end < start + n:
        return u64(0xFFFFFFFFFFFFFFFF)
    i = end - n
    while True:
        j = u64(0)
        while j < n and hay[i + j] == needle[j]:
            j += 1
        if j == n:
            return i
        if i == start:
            return u64(0xFFFFFFFFFFFFFFFF)
        i -= 1


def str_contains(s: u64, sub: u64) -> bool:
    """sub in s."""
    return find_bytes(str_data(s), u64(0), str_nbytes(s), str_data(sub),
                      str_nbytes(sub)) != u64(0xFFFFFFFFFFFFFFFF)


# ----- repr and str() of integers ------------------------------------------------------


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


def str_from_i64(value: i64) -> u64:
    """str(n) of a signed integer."""
    sb = StrBuilder()
    sb_append_i64(addr_of(sb), value)
    return sb_finish(addr_of(sb))


def str_from_u64(value: u64) -> u64:
    """str(n) of an unsigned integer."""
    sb = StrBuilder()
    sb_append_u64(addr_of(sb), value)
    return sb_finish(addr_of(sb))


def sb_append_fill(sb: Ptr[StrBuilder], fill: u32, count: u64) -> None:
    for _ in range(count):
        sb_append_cp(sb, fill)


def sb_append_int_spec(sb: Ptr[StrBuilder], value: u64, signed: bool, fill: u32, align: u8,
                       sign: u8, alt: bool, width: u64, grouping: u8, kind: u8) -> None:
    """Append an integer formatted by a decoded format spec: the fields are
    those pythos/check/fmtspec.py decodes and `write_int` (rt/core.py)
    takes, with the same meaning (characters, or 0 for the default); the
    integer is `value`, negative only when `signed` and its top bit is
    set.  The layout rules are write_int's: digits backwards, grouping
    every 3 (decimal) or 4 digits, sign-aware zero padding for `=`."""
    negative = signed and i64(value) < 0
    mag = u64(0) - value if negative else value
    base = u64(10)
    group = u64(3)
    if kind == 120 or kind == 88:  # x X
        base = u64(16)
        group = u64(4)
    elif kind == 111:  # o
        base = u64(8)
        group = u64(4)
    elif kind == 98:  # b
        base = u64(2)
        group = u64(4)
    digits = StrBuilder()  # backwards, with separators
    ndigits = u64(0)
    v = mag
    while True:
        if grouping != 0 and ndigits != 0 and ndigits % group == 0:
            sb_append_byte(addr_of(digits), grouping)
        d = u8(v % base)
        if d < 10:
            sb_append_byte(addr_of(digits), 48 + d)
        elif kind == 88:
            sb_append_byte(addr_of(digits), 55 + d)
        else:
            sb_append_byte(addr_of(digits), 87 + d)
        ndigits += 1
        v = v // base
        if v == 0:
            break
    n = digits.nbytes
    sign_char = u8(0)
    if negative:
        sign_char = u8(45)
    elif sign == 43 or sign == 32:
        sign_char = sign
    prefix = u8(0)
    if alt and kind != 100 and kind != 0:
        prefix = kind
    head = u64(0)
    if sign_char != 0:
        head += 1
    if prefix != 0:
        head += 2
    zeros = u64(0)
    padded = n
    if align == 61 and fill == 48 and width > head:
        count = ndigits
        while padded + head < width:
            if grouping != 0 and count % group == 0:
                padded += 1
            padded += 1
            count += 1
            zeros += 1
    pad = u64(0)
    if width > padded + head:
        pad = width - padded - head
    left = u64(0)
    right = u64(0)
    if align == 60:  # <
        right = pad
    elif align == 94:  # ^
        left = pad // 2
        right = pad - left
    elif align != 61:  # > and the default
        left = pad
    sb_append_fill(sb, fill, left)
    if sign_char != 0:
        sb_append_byte(sb, sign_char)
    if prefix != 0:
        sb_append_byte(sb, u8(48))
        sb_append_byte(sb, prefix)
    if align == 61:
        sb_append_fill(sb, fill, pad)
    while zeros > 0:
        zeros -= 1
        sb_append_byte(sb, u8(48))
        if grouping != 0 and (ndigits + zeros) % group == 0:
            sb_append_byte(sb, grouping)
    dp = Ptr[u8](digits.data)
    while n > 0:
        n -= 1
        sb_append_byte(sb, dp[n])
    sb_free(addr_of(digits))
    sb_append_fill(sb, fill, right)


def str_format_int(value: u64, signed: bool, fill: u32, align: u8, sign: u8, alt: bool,
                   width: u64, grouping: u8, kind: u8) -> u64:
    """f"{n:spec}" as a new str (fields as `sb_append_int_spec`)."""
    sb = StrBuilder()
    sb_append_int_spec(addr_of(sb), value, signed, fill, align, sign, alt, width, grouping,
                       kind)
    return sb_finish(addr_of(sb))


def sb_append_str_spec(sb: Ptr[StrBuilder], s: u64, fill: u32, align: u8, width: u64) -> None:
    """Append f"{s:spec}" of a str: padded to `width` code points, left
    aligned unless `align` is `>` or `^` (as write_str_spec in rt/core.py)."""
    n = str_length(s)
    pad = width - n if width > n else u64(0)
    left = u64(0)
    if align == 62:  # >
        left = pad
    elif align == 94:  # ^
        left = pad // 2
    sb_append_fill(sb, fill, left)
    sb_append_str(sb, s)
    sb_append_fill(sb, fill, pad - left)


def str_format_str(s: u64, fill: u32, align: u8, width: u64) -> u64:
    """f"{s:spec}" of a str, as a new str."""
    sb = StrBuilder()
    sb_append_str_spec(addr_of(sb), s, fill, align, width)
    return sb_finish(addr_of(sb))


# ----- int(s) -----------------------------------------------------------------------


def int_char(cp: u32, ascii_text: bool) -> u32:
    """How int() sees one character, as CPython's
    _PyUnicode_TransformDecimalAndSpaceToASCII does before parsing: ASCII as
    it is; in non-ASCII text, any Unicode space becomes ' ' and any decimal
    digit its ASCII digit; anything else is invalid (0)."""
    if cp < 0x80:
        return cp
    if ascii_text:
        return u32(0)
    if is_space(cp):
        return u32(32)
    d = decimal_value(cp)
    if d != NOT_FOUND:
        return 48 + d
    return u32(0)


def digit_value(c: u32) -> u32:
    """The value of an ASCII digit or letter in bases up to 36, else 99."""
    if c >= 48 and c <= 57:
        return c - 48
    lower = c | 0x20
    if lower >= 97 and lower <= 122:
        return lower - 87
    return u32(99)


def is_int_space(c: u32) -> bool:
    return c == 32 or (c >= 9 and c <= 13)


def int_error(s: u64, base: i64) -> None:
    """ValueError: invalid literal for int() with base B: 'text' (the repr
    cut to 200 characters, as CPython's %.200R)."""
    sb = StrBuilder()
    sb_append_ascii(addr_of(sb), b"invalid literal for int() with base ")
    sb_append_i64(addr_of(sb), base)
    sb_append_ascii(addr_of(sb), b": ")
    text = StrBuilder()
    str_repr_into(s, addr_of(text))
    tp = Ptr[u8](text.data)
    offset = u64(0)
    count = u64(0)
    while offset < text.nbytes and count < 200:
        offset += utf8_width(tp[offset])
        count += 1
    sb_append(addr_of(sb), text.data, offset, count)
    sb_free(addr_of(text))
    obj_raise(ERR_VALUE, sb_finish(addr_of(sb)))


def str_to_int(s: u64, base: i64) -> i64:
    """int(s, base) (base 10 for `int(s)`), by CPython's rules: spaces
    around, a sign, for base 0 a prefix 0x/0o/0b choosing the base (else
    10, where leading zeros are allowed only in zero itself), the prefix
    also allowed with its own base, single underscores between digits
    (and after a prefix), Unicode decimal digits.  ValueError for bad
    text or base; OverflowError for a value outside i64 (CPython's ints
    are unbounded; ours are 64-bit)."""
    if base != 0 and (base < 2 or base > 36):
        raise_ascii(ERR_VALUE, b"int() base must be >= 2 and <= 36, or 0")
        return i64(0)
    p = str_data(s)
    n = str_nbytes(s)
    ascii_text = str_is_ascii(s)
    # Decode once into ASCII (what CPython parses), into a scratch buffer.
    buf = StrBuilder()
    sb_reserve(addr_of(buf), n + 1)
    t = Ptr[u8](buf.data)
    tn = u64(0)
    offset = u64(0)
    while offset < n:
        c = int_char(utf8_decode(p, offset), ascii_text)
        t[tn] = u8(c)
        tn += 1
        offset += utf8_width(p[offset])
    t[tn] = u8(0)
    result = parse_int(t, tn, base)
    sb_free(addr_of(buf))
    if result == PARSE_BAD:
        int_error(s, base)
        return i64(0)
    if result == PARSE_OVERFLOW:
        raise_ascii(ERR_OVERFLOW, b"Python int too large to convert to C long")
        return i64(0)
    return parsed_value


PARSE_OK: Final = 0
PARSE_BAD: Final = 1
PARSE_OVERFLOW: Final = 2
parsed_value = i64(0)


def parse_int(t: Ptr[u8], n: u64, base_arg: i64) -> i64:
    """Parse NUL-terminated ASCII `t` (PyLong_FromString's grammar); the
    value goes to `parsed_value`, the result is PARSE_*."""
    global parsed_value
    i = u64(0)
    while i < n and is_int_space(u32(t[i])):
        i += 1
    negative = False
    if i < n and (t[i] == 43 or t[i] == 45):
        negative = t[i] == 45
        i += 1
    base = u64(base_arg)
    only_zero = False
    if base == 0:
        if t[i] != 48:
            base = u64(10)
        elif (t[i + 1] | 0x20) == 120:
            base = u64(16)
        elif (t[i + 1] | 0x20) == 111:
            base = u64(8)
        elif (t[i + 1] | 0x20) == 98:
            base = u64(2)
        else:
            only_zero = True
            base = u64(10)
    if t[i] == 48 and ((base == 16 and (t[i + 1] | 0x20) == 120)
                       or (base == 8 and (t[i + 1] | 0x20) == 111)
                       or (base == 2 and (t[i + 1] | 0x20) == 98)):
        i += 2
        if t[i] == 95:
            i += 1
    if t[i] == 95:
        return i64(PARSE_BAD)
    mag = u64(0)
    overflow = False
    digits = u64(0)
    previous = u8(0)
    nonzero = False
    while i < n:
        c = t[i]
        if c == 95:
            if previous == 95:
                return i64(PARSE_BAD)
        else:
            d = u64(digit_value(u32(c)))
            if d >= base:
                break
            if d != 0:
                nonzero = True
            if mag > (u64(0xFFFFFFFFFFFFFFFF) - d) // base:
                overflow = True
            else:
                mag = mag * base + d
            digits += 1
        previous = c
        i += 1
    if previous == 95 or digits == 0:
        return i64(PARSE_BAD)
    if only_zero and nonzero:
        return i64(PARSE_BAD)
    while i < n and is_int_space(u32(t[i])):
        i += 1
    if i != n:
        return i64(PARSE_BAD)
    # CPython refuses more than 4300 digits in a base that is not a power
    # of two (sys.get_int_max_str_digits()), before converting.
    if digits > 4300 and (base & (base - 1)) != 0:
        return i64(PARSE_OVERFLOW)
    limit = u64(1) << 63 if negative else (u64(1) << 63) - 1
    if overflow or mag > limit:
        return i64(PARSE_OVERFLOW)
    parsed_value = i64(u64(0) - mag) if negative else i64(mag)
    return i64(PARSE_OK)


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
    return str_hash(s)


def op_eq(a: u64, b: u64) -> u64:
    return u64(1) if str_eq(a, b) else u64(0)


def op_lt(a: u64, b: u64) -> u64:
    return u64(1) if str_lt(a, b) else u64(0)


def op_repr(s: u64, sb: u64) -> u64:
    str_repr_into(s, Ptr[StrBuilder](sb))
    return u64(0)


def op_str(s: u64, sb: u64) -> u64:
    sb_append_str(Ptr[StrBuilder](sb), s)
    return u64(0)


def op_size(s: u64) -> u64:
    return STR_DATA + str_nbytes(s) + 1


def init() -> None:
    """Make the static one-character strings and register str's functions
    (after init_object, before any str use)."""
    for c in range(128):
        obj = addr_of(ascii_chars).addr + u64(c) * ASCII_CHAR_SIZE
        so = Ptr[StrObject](obj)
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
