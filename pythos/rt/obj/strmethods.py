"""str's methods other than the cutting ones (strsplit.py): strip,
startswith and endswith, find and count, replace, case, the is...()
tests, padding.

Each function is one method, with CPython's behaviour down to the edge
cases (empty strings, negative counts, out-of-range start/end), called
by compiled code with the receiver first.  An optional str argument that
may be None (`chars`, `fillchar`) is 0 for None; an optional index
(`start`, `end`) comes with a flag saying whether it was given.

The text is searched as UTF-8 bytes (utf8.py) and only indexes are
converted to and from code points, so ASCII text never pays for Unicode.
"""

from typing import Final

from pythos.lang import Ptr, addr_of, i64, u8, u32, u64
from pythos.rt.obj.object import (
    ERR_TYPE,
    ERR_VALUE,
    STR_DATA,
    TUPLE_ITEMS,
    StrBuilder,
    TupleObject,
    sb_append,
    sb_finish,
)
from pythos.rt.obj.str import (
    byte_offset,
    incref,
    piece,
    raise_ascii,
    sb_append_cp,
    space_at,
    str_data,
    str_is_ascii,
    str_length,
    str_nbytes,
    str_sub,
)
from pythos.rt.obj.unicode import (
    is_alpha,
    is_decimal,
    is_digit,
    is_numeric,
    is_printable,
    is_space,
)
from pythos.rt.obj.utf8 import (
    NO_MATCH,
    count_code_points,
    find_bytes,
    prev_offset,
    rfind_bytes,
    utf8_decode,
    utf8_width,
)

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
    """s.lstrip(chars): a new str (or `s` itself, with a new reference)."""
    return strip_side(s, chars, True, False)


def str_rstrip(s: u64, chars: u64) -> u64:
    """s.rstrip(chars): a new str (or `s` itself, with a new reference)."""
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
    first = byte_offset(s, u64(lo))
    m = str_nbytes(prefix)
    if first + m > byte_offset(s, u64(hi)):
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
    last = byte_offset(s, u64(hi))
    m = str_nbytes(suffix)
    if last < byte_offset(s, u64(lo)) + m:
        return False
    return find_bytes(Ptr[u8](s + STR_DATA + last - m), u64(0), m, str_data(suffix), m) == 0


def str_affix_any(s: u64, affixes: u64, start: i64, end: i64, has_start: bool,
                  has_end: bool, suffix: bool) -> bool:
    """s.startswith(affixes) (or endswith, with `suffix`) of a tuple of
    str: whether any of them matches, tried in order as CPython does."""
    items = Ptr[u64](affixes + TUPLE_ITEMS)
    for i in range(Ptr[TupleObject](affixes)[0].length):
        if suffix and str_endswith(s, items[i], start, end, has_start, has_end):
            return True
        if not suffix and str_startswith(s, items[i], start, end, has_start, has_end):
            return True
    return False


def str_removeprefix(s: u64, prefix: u64) -> u64:
    """s.removeprefix(prefix): the rest of s, or s itself when it does not
    start with prefix (CPython gives back the same object).  Bytes that
    match a whole str match whole code points, so the rest is counted by
    subtraction."""
    m = str_nbytes(prefix)
    n = str_nbytes(s)
    if m == 0 or m > n or find_bytes(str_data(s), u64(0), m, str_data(prefix), m) != 0:
        return incref(s)
    return str_sub(s, m, n, str_length(s) - str_length(prefix))


def str_removesuffix(s: u64, suffix: u64) -> u64:
    """s.removesuffix(suffix), as removeprefix at the other end."""
    m = str_nbytes(suffix)
    n = str_nbytes(s)
    if m == 0 or m > n or find_bytes(Ptr[u8](s + STR_DATA + n - m), u64(0), m,
                                     str_data(suffix), m) != 0:
        return incref(s)
    return str_sub(s, u64(0), n - m, str_length(s) - str_length(suffix))


def find_in(s: u64, sub: u64, start: i64, end: i64, has_start: bool, has_end: bool,
            reverse: bool) -> i64:
    length = i64(str_length(s))
    lo = adjust_start(start, has_start, length)
    hi = adjust_end(end, has_end, length)
    if hi - lo < i64(str_length(sub)):
        return i64(-1)
    first = byte_offset(s, u64(lo))
    last = byte_offset(s, u64(hi))
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
    """s.rindex(...): as rfind, but ValueError `substring not found`."""
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
    return count_bytes(str_data(s), byte_offset(s, u64(lo)), byte_offset(s, u64(hi)), str_data(sub),
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
    """Whether every code point passes `test` (`empty` for "").

    Inlined where it is called (pythos/lower/inlining.py), with `test` a
    constant there: a str of one byte is one ASCII character (valid UTF-8
    has no other one-byte text), which is what `c.isdigit()` on a
    character taken from text tests, and it is answered inline by the
    ASCII half of `char_test`; longer text goes to `all_chars_walk`."""
    if str_nbytes(s) == 1:
        return char_test(u32(str_data(s)[0]) & 0x7F, test)
    return all_chars_walk(s, test, empty)


def all_chars_walk(s: u64, test: u32, empty: bool) -> bool:
    """`all_chars` over text of any length, out of line."""
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
    """s.isdigit(): every character a digit, and at least one."""
    return all_chars(s, TEST_DIGIT, False)


def str_isalpha(s: u64) -> bool:
    """s.isalpha(): every character a letter, and at least one."""
    return all_chars(s, TEST_ALPHA, False)


def str_isspace(s: u64) -> bool:
    """s.isspace(): every character whitespace, and at least one."""
    return all_chars(s, TEST_SPACE, False)


def str_isalnum(s: u64) -> bool:
    """s.isalnum(): every character a letter or numeric, and at least one."""
    return all_chars(s, TEST_ALNUM, False)


def str_isdecimal(s: u64) -> bool:
    """s.isdecimal(): every character a decimal digit, and at least one."""
    return all_chars(s, TEST_DECIMAL, False)


def str_isnumeric(s: u64) -> bool:
    """s.isnumeric(): every character numeric, and at least one."""
    return all_chars(s, TEST_NUMERIC, False)


def str_isprintable(s: u64) -> bool:
    """s.isprintable(): every character printable (True for "")."""
    return all_chars(s, TEST_PRINTABLE, True)


# ----- padding ---------------------------------------------------------------------------


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
    """s.rjust(width, fillchar): a new str (or `s`, with a new reference)."""
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

