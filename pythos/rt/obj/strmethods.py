"""str's methods: split and join, strip, search, replace, case, padding.

Each function is one method, with CPython's behaviour down to the edge
cases (empty separators, negative counts, out-of-range start/end), called
by compiled code with the receiver first.  An optional str argument that
may be None (`sep`, `chars`, `fillchar`) is 0 for None; an optional index
(`start`, `end`) comes with a flag saying whether it was given.

The text is searched as UTF-8 bytes (see str.py) and only indexes are
converted to and from code points, so ASCII text never pays for Unicode.

`split`, `rsplit` and `splitlines` return a `list[str]` and `partition`
a `tuple[str, str, str]`, built here directly in the layouts of object.py
with the runtime's own descriptors (LIST_OF_STR_TYPE, TUPLE_OF_STR_TYPE),
so this module needs nothing from list.py: releasing them is the list and
tuple kinds' ordinary `clear`.
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, i64, u8, u32, u64
from pythos.rt.alloc import obj_alloc, obj_realloc
from pythos.rt.mem import memcpy
from pythos.rt.obj.object import (
    ERR_TYPE,
    ERR_VALUE,
    ITEM_OBJ,
    KIND_LIST,
    KIND_TUPLE,
    STR_DATA,
    TUPLE_ITEMS,
    ListObject,
    StrBuilder,
    StrObject,
    TypeInfo,
    cstring,
    obj_new,
    sb_append,
    sb_finish,
    sb_reserve,
    str_new,
)
from pythos.rt.obj.str import (
    NOT_FOUND,
    count_code_points,
    find_bytes,
    raise_ascii,
    rfind_bytes,
    sb_append_cp,
    str_data,
    str_empty,
    str_is_ascii,
    str_length,
    str_nbytes,
    str_sub,
    utf8_decode,
    utf8_width,
)
from pythos.rt.obj.unicode import (
    is_alpha,
    is_case_ignorable,
    is_cased,
    is_decimal,
    is_digit,
    is_linebreak,
    is_lower,
    is_numeric,
    is_printable,
    is_space,
    is_title,
    is_upper,
    lower_special,
    special_char,
    special_count,
    to_lower,
    to_upper,
    upper_special,
)

NO_MATCH: Final = u64(0xFFFFFFFFFFFFFFFF)
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


# ----- the list[str] and tuple[str, str, str] results ------------------------------------


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


def piece(s: u64, start: u64, end: u64) -> u64:
    """A new str of the bytes `start..end` of `s`."""
    length = end - start if str_is_ascii(s) else count_code_points(str_data(s), start, end)
    return str_sub(s, start, end, length)


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


def incref(s: u64) -> u64:
    Ptr[StrObject](s)[0].refcnt += 1
    return s


# ----- walking code points ----------------------------------------------------------------


def prev_offset(p: Ptr[u8], offset: u64) -> u64:
    """The start of the code point that ends at byte `offset` (> 0)."""
    i = offset - 1
    while (p[i] & 0xC0) == 0x80:
        i -= 1
    return i


def space_at(p: Ptr[u8], offset: u64) -> bool:
    return is_space(utf8_decode(p, offset))


def fits_cp(s: u64, index: i64) -> u64:
    """The byte offset of code point `index`, 0 <= index <= len(s)."""
    if str_is_ascii(s):
        return u64(index)
    p = str_data(s)
    offset = u64(0)
    for _ in range(index):
        offset += utf8_width(p[offset])
    return offset


# ----- split, rsplit, splitlines, join --------------------------------------------------------


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


def str_join(sep: u64, lst: u64) -> u64:
    """sep.join(lst) for a list of str (ListObject of object items)."""
    lo = Ptr[ListObject](lst)
    count = lo[0].length
    items = Ptr[u64](lo[0].items)
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
            memcpy(Ptr[u8](dst), str_data(sep), str_nbytes(sep))
            dst += str_nbytes(sep)
        memcpy(Ptr[u8](dst), str_data(items[i]), str_nbytes(items[i]))
        dst += str_nbytes(items[i])
    return obj


# ----- strip ------------------------------------------------------------------------------


def strip_at(p: Ptr[u8], offset: u64, chars: u64) -> bool:
    """Whether the code point at `offset` is one to strip: whitespace when
    `chars` is 0, else one of `chars` (found as bytes: a whole UTF-8
    sequence only ever matches a whole character)."""
    if chars == 0:
        return space_at(p, offset)
    width = utf8_width(p[offset])
    return find_bytes(str_data(chars), u64(0), str_nbytes(chars), Ptr[u8](p.addr + offset),
                      width) != NO_MATCH


def strip_side(s: u64, chars: u64, left: bool, right: bool) -> u64:
    p = str_data(s)
    start = u64(0)
    end = str_nbytes(s)
    if left:
        while start < end and strip_at(p, start, chars):
            start += utf8_width(p[start])
    if right:
        while end > start and strip_at(p, prev_offset(p, end), chars):
            end = prev_offset(p, end)
    return piece(s, start, end)


def str_strip(s: u64, chars: u64) -> u64:
    """s.strip(chars): `chars` 0 (None) strips whitespace."""
    return strip_side(s, chars, True, True)


def str_lstrip(s: u64, chars: u64) -> u64:
    return strip_side(s, chars, True, False)


def str_rstrip(s: u64, chars: u64) -> u64:
    return strip_side(s, chars, False, True)


# ----- start/end, find, count ----------------------------------------------------------------


def adjust_start(start: i64, has_start: bool, length: i64) -> i64:
    """CPython's ADJUST_INDICES for a start: from the end if negative, at
    least 0 (may stay above length)."""
    if not has_start:
        return i64(0)
    if start < 0:
        start += length
        if start < 0:
            return i64(0)
    return start


def adjust_end(end: i64, has_end: bool, length: i64) -> i64:
    if not has_end or end > length:
        return length
    if end < 0:
        end += length
        if end < 0:
            return i64(0)
    return end


def str_startswith(s: u64, prefix: u64, start: i64, end: i64, has_start: bool,
                   has_end: bool) -> bool:
    """s.startswith(prefix, start, end)."""
    length = i64(str_length(s))
    lo = adjust_start(start, has_start, length)
    hi = adjust_end(end, has_end, length)
    sublen = i64(str_length(prefix))
    if hi - sublen < lo:
        return False
    first = fits_cp(s, lo)
    m = str_nbytes(prefix)
    if first + m > fits_cp(s, hi):
        return False
    return find_bytes(Ptr[u8](s + STR_DATA + first), u64(0), m, str_data(prefix), m) == 0


def str_endswith(s: u64, suffix: u64, start: i64, end: i64, has_start: bool,
                 has_end: bool) -> bool:
    """s.endswith(suffix, start, end)."""
    length = i64(str_length(s))
    lo = adjust_start(start, has_start, length)
    hi = adjust_end(end, has_end, length)
    sublen = i64(str_length(suffix))
    if hi - sublen < lo:
        return False
    last = fits_cp(s, hi)
    m = str_nbytes(suffix)
    if last < fits_cp(s, lo) + m:
        return False
    return find_bytes(Ptr[u8](s + STR_DATA + last - m), u64(0), m, str_data(suffix), m) == 0


def find_in(s: u64, sub: u64, start: i64, end: i64, has_start: bool, has_end: bool,
            reverse: bool) -> i64:
    length = i64(str_length(s))
    lo = adjust_start(start, has_start, length)
    hi = adjust_end(end, has_end, length)
    if hi - lo < i64(str_length(sub)):
        return i64(-1)
    first = fits_cp(s, lo)
    last = fits_cp(s, hi)
    p = str_data(s)
    if reverse:
        pos = rfind_bytes(p, first, last, str_data(sub), str_nbytes(sub))
    else:
        pos = find_bytes(p, first, last, str_data(sub), str_nbytes(sub))
    if pos == NO_MATCH:
        return i64(-1)
    if str_is_ascii(s):
        return i64(pos)
    return lo + i64(count_code_points(p, first, pos))


def str_find(s: u64, sub: u64, start: i64, end: i64, has_start: bool, has_end: bool) -> i64:
    """s.find(sub, start, end): the lowest code point index, or -1."""
    return find_in(s, sub, start, end, has_start, has_end, False)


def str_rfind(s: u64, sub: u64, start: i64, end: i64, has_start: bool, has_end: bool) -> i64:
    """s.rfind(sub, start, end): the highest code point index, or -1."""
    return find_in(s, sub, start, end, has_start, has_end, True)


def str_index(s: u64, sub: u64, start: i64, end: i64, has_start: bool, has_end: bool) -> i64:
    """s.index(...): as find, but ValueError `substring not found`."""
    i = find_in(s, sub, start, end, has_start, has_end, False)
    if i < 0:
        raise_ascii(ERR_VALUE, b"substring not found")
    return i


def str_rindex(s: u64, sub: u64, start: i64, end: i64, has_start: bool, has_end: bool) -> i64:
    i = find_in(s, sub, start, end, has_start, has_end, True)
    if i < 0:
        raise_ascii(ERR_VALUE, b"substring not found")
    return i


def count_bytes(p: Ptr[u8], start: u64, end: u64, sub: Ptr[u8], m: u64, limit: i64) -> i64:
    """Non-overlapping occurrences of `sub` (m > 0 bytes) in start..end,
    at most `limit` (negative: no limit)."""
    count = i64(0)
    i = start
    while count != limit:
        pos = find_bytes(p, i, end, sub, m)
        if pos == NO_MATCH:
            break
        count += 1
        i = pos + m
    return count


def str_count(s: u64, sub: u64, start: i64, end: i64, has_start: bool, has_end: bool) -> i64:
    """s.count(sub, start, end): non-overlapping occurrences; for an empty
    `sub`, the number of positions (length + 1)."""
    length = i64(str_length(s))
    lo = adjust_start(start, has_start, length)
    hi = adjust_end(end, has_end, length)
    sublen = i64(str_length(sub))
    if hi - lo < sublen:
        return i64(0)
    if sublen == 0:
        return hi - lo + 1
    return count_bytes(str_data(s), fits_cp(s, lo), fits_cp(s, hi), str_data(sub),
                       str_nbytes(sub), i64(-1))


# ----- replace ---------------------------------------------------------------------------


def str_replace(s: u64, old: u64, new: u64, count: i64) -> u64:
    """s.replace(old, new, count): at most `count` replacements from the
    left (all of them if negative).  An empty `old` matches before every
    character and at the end."""
    p = str_data(s)
    n = str_nbytes(s)
    m = str_nbytes(old)
    sb = StrBuilder()
    if m == 0:
        left = count
        i = u64(0)
        while True:
            if left == 0:
                break
            left -= 1
            sb_append(addr_of(sb), new + STR_DATA, str_nbytes(new), str_length(new))
            if i == n:
                break
            width = utf8_width(p[i])
            sb_append(addr_of(sb), s + STR_DATA + i, width, u64(1))
            i += width
        if i < n:
            sb_append(addr_of(sb), s + STR_DATA + i, n - i, count_code_points(p, i, n))
        return sb_finish(addr_of(sb))
    i = u64(0)
    left = count
    while left != 0:
        pos = find_bytes(p, i, n, str_data(old), m)
        if pos == NO_MATCH:
            break
        left -= 1
        sb_append(addr_of(sb), s + STR_DATA + i, pos - i, count_code_points(p, i, pos))
        sb_append(addr_of(sb), new + STR_DATA, str_nbytes(new), str_length(new))
        i = pos + m
    if i == 0:
        return incref(s)
    sb_append(addr_of(sb), s + STR_DATA + i, n - i, count_code_points(p, i, n))
    return sb_finish(addr_of(sb))


# ----- case ------------------------------------------------------------------------------


def append_special(sb: Ptr[StrBuilder], upper: bool, at: u32) -> None:
    for k in range(special_count(upper, at)):
        sb_append_cp(sb, special_char(upper, at, k))


def ascii_case(s: u64, first: u8, delta: u8) -> u64:
    """upper() or lower() of ASCII text: letters from `first` move by
    `delta` (mod 256), byte by byte into the new str."""
    n = str_nbytes(s)
    obj = str_new(n, n)
    src = str_data(s)
    dst = Ptr[u8](obj + STR_DATA)
    for i in range(n):
        c = src[i]
        dst[i] = c + delta if c - first < 26 else c
    return obj


def str_upper(s: u64) -> u64:
    """s.upper(), by Unicode's mapping as CPython applies it (unicode.py);
    some characters become several (`ß` to `SS`)."""
    if str_is_ascii(s):
        return ascii_case(s, u8(97), u8(224))
    p = str_data(s)
    n = str_nbytes(s)
    sb = StrBuilder()
    sb_reserve(addr_of(sb), n)
    i = u64(0)
    while i < n:
        cp = utf8_decode(p, i)
        at = upper_special(cp)
        if at != NOT_FOUND:
            append_special(addr_of(sb), True, at)
        else:
            sb_append_cp(addr_of(sb), to_upper(cp))
        i += utf8_width(p[i])
    return sb_finish(addr_of(sb))


def final_sigma(p: Ptr[u8], n: u64, offset: u64) -> bool:
    """Whether the capital sigma at `offset` ends a word, so lower() makes
    it `ς`: CPython's rule is a cased letter before it and none after it,
    looking past case-ignorable characters (apostrophes, accents) both
    ways."""
    i = offset
    while i > 0:
        i = prev_offset(p, i)
        cp = utf8_decode(p, i)
        if not is_case_ignorable(cp):
            if not is_cased(cp):
                return False
            j = offset + 2
            while j < n:
                after = utf8_decode(p, j)
                if not is_case_ignorable(after):
                    return not is_cased(after)
                j += utf8_width(p[j])
            return True
    return False


def str_lower(s: u64) -> u64:
    """s.lower(), by Unicode's mapping as CPython applies it, with the
    final sigma."""
    if str_is_ascii(s):
        return ascii_case(s, u8(65), u8(32))
    p = str_data(s)
    n = str_nbytes(s)
    sb = StrBuilder()
    sb_reserve(addr_of(sb), n)
    i = u64(0)
    while i < n:
        cp = utf8_decode(p, i)
        at = lower_special(cp)
        if at != NOT_FOUND:
            append_special(addr_of(sb), False, at)
        elif cp == 0x3A3 and final_sigma(p, n, i):
            sb_append_cp(addr_of(sb), u32(0x3C2))
        else:
            sb_append_cp(addr_of(sb), to_lower(cp))
        i += utf8_width(p[i])
    return sb_finish(addr_of(sb))


# ----- is...() -------------------------------------------------------------------------------

TEST_DIGIT: Final = u32(1)
TEST_ALPHA: Final = u32(2)
TEST_SPACE: Final = u32(3)
TEST_ALNUM: Final = u32(4)
TEST_DECIMAL: Final = u32(5)
TEST_NUMERIC: Final = u32(6)
TEST_PRINTABLE: Final = u32(7)


def char_test(cp: u32, test: u32) -> bool:
    if test == TEST_DIGIT:
        return is_digit(cp)
    if test == TEST_ALPHA:
        return is_alpha(cp)
    if test == TEST_SPACE:
        return is_space(cp)
    if test == TEST_ALNUM:
        return is_alpha(cp) or is_numeric(cp)
    if test == TEST_DECIMAL:
        return is_decimal(cp)
    if test == TEST_NUMERIC:
        return is_numeric(cp)
    return is_printable(cp)


def all_chars(s: u64, test: u32, empty: bool) -> bool:
    """Whether every code point passes `test` (`empty` for "")."""
    p = str_data(s)
    n = str_nbytes(s)
    if n == 0:
        return empty
    i = u64(0)
    while i < n:
        if not char_test(utf8_decode(p, i), test):
            return False
        i += utf8_width(p[i])
    return True


def str_isdigit(s: u64) -> bool:
    return all_chars(s, TEST_DIGIT, False)


def str_isalpha(s: u64) -> bool:
    return all_chars(s, TEST_ALPHA, False)


def str_isspace(s: u64) -> bool:
    return all_chars(s, TEST_SPACE, False)


def str_isalnum(s: u64) -> bool:
    return all_chars(s, TEST_ALNUM, False)


def str_isdecimal(s: u64) -> bool:
    return all_chars(s, TEST_DECIMAL, False)


def str_isnumeric(s: u64) -> bool:
    return all_chars(s, TEST_NUMERIC, False)


def str_isprintable(s: u64) -> bool:
    return all_chars(s, TEST_PRINTABLE, True)


def cased_test(s: u64, upper: bool) -> bool:
    """isupper (upper True) or islower: no character of the other case or
    titlecase, and at least one of this case."""
    p = str_data(s)
    n = str_nbytes(s)
    cased = False
    i = u64(0)
    while i < n:
        cp = utf8_decode(p, i)
        if is_title(cp) or (is_lower(cp) if upper else is_upper(cp)):
            return False
        if is_upper(cp) if upper else is_lower(cp):
            cased = True
        i += utf8_width(p[i])
    return cased


def str_isupper(s: u64) -> bool:
    return cased_test(s, True)


def str_islower(s: u64) -> bool:
    return cased_test(s, False)


# ----- padding and partition ---------------------------------------------------------------


def fill_char(fillchar: u64) -> u32:
    """The code point of a one-character fill (0: None, a space); records
    TypeError and returns 0xFFFFFFFF for any other length."""
    if fillchar == 0:
        return u32(32)
    if str_length(fillchar) != 1:
        raise_ascii(ERR_TYPE, b"The fill character must be exactly one character long")
        return u32(0xFFFFFFFF)
    return utf8_decode(str_data(fillchar), u64(0))


def pad(s: u64, left: u64, right: u64, fill: u32) -> u64:
    sb = StrBuilder()
    for _ in range(left):
        sb_append_cp(addr_of(sb), fill)
    sb_append(addr_of(sb), s + STR_DATA, str_nbytes(s), str_length(s))
    for _ in range(right):
        sb_append_cp(addr_of(sb), fill)
    return sb_finish(addr_of(sb))


def str_ljust(s: u64, width: i64, fillchar: u64) -> u64:
    """s.ljust(width, fillchar): `fillchar` 0 for the default space."""
    fill = fill_char(fillchar)
    if fill == 0xFFFFFFFF:
        return u64(0)
    length = i64(str_length(s))
    if width <= length:
        return incref(s)
    return pad(s, u64(0), u64(width - length), fill)


def str_rjust(s: u64, width: i64, fillchar: u64) -> u64:
    fill = fill_char(fillchar)
    if fill == 0xFFFFFFFF:
        return u64(0)
    length = i64(str_length(s))
    if width <= length:
        return incref(s)
    return pad(s, u64(width - length), u64(0), fill)


def str_center(s: u64, width: i64, fillchar: u64) -> u64:
    """s.center(width, fillchar): CPython puts the odd character on the
    left when both the margin and the width are odd."""
    fill = fill_char(fillchar)
    if fill == 0xFFFFFFFF:
        return u64(0)
    length = i64(str_length(s))
    if width <= length:
        return incref(s)
    margin = width - length
    left = margin // 2 + (margin & width & 1)
    return pad(s, u64(left), u64(margin - left), fill)


def str_zfill(s: u64, width: i64) -> u64:
    """s.zfill(width): zeros on the left, after a leading sign."""
    length = i64(str_length(s))
    if width <= length:
        return incref(s)
    zeros = u64(width - length)
    obj = pad(s, zeros, u64(0), u32(48))
    p = Ptr[u8](obj + STR_DATA)
    if p[zeros] == 43 or p[zeros] == 45:
        p[0] = p[zeros]
        p[zeros] = u8(48)
    return obj


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


