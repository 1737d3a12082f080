"""Unicode character properties for str: which code points are spaces,
letters, digits, printable, upper or lower case, and case mapping.

The property tests are exact for every code point, from tables generated
out of CPython's own `unicodedata` (unicode_data.py, by
tools/gen_unicode.py): `isprintable` (what repr escapes), `isalpha`,
`isdecimal` (with each digit's value, for `int()`), `isdigit`,
`isnumeric`, and the per-character upper/lower/title flags that
`isupper` and `islower` combine.  A table is a sorted list of ranges, and
a lookup is a binary search over it: a few hundred ranges cost about ten
steps, and ASCII never reaches a table at all.

Case mapping (`upper()`, `lower()`, `title()`, `casefold()`) is CPython's
too, from the same source: about 2,900 characters change case, stored
as a few hundred runs per mapping (a run is a stretch of code points
that all move by the same distance, such as `a..z` by -32, or every other
one, for the alternating capitals and small letters of Latin Extended-A),
plus the characters whose mapping is several (`ß` to `SS`, `ﬁ` to `FI`).
`case_map` and `special_find` look a code point up in one mapping's pair
of tables (unicode_data.py: UPPER_MAP and UPPER_SPECIAL, ...);
strmethods.py adds `lower()`'s one rule of context, the final sigma.
"""

from typing import Final

from pythos.lang import u32
from pythos.rt.obj.unicode_data import (
    ALPHA,
    CASE_IGNORABLE,
    CASED,
    DECIMAL,
    DIGIT,
    LOWER,
    NOT_PRINTABLE,
    NUMERIC,
    TITLE,
    UPPER,
)

# What a lookup returns for a code point it does not find.
NOT_FOUND: Final = u32(0xFFFFFFFF)


def record_field(table: bytes, index: u32) -> u32:
    """The 3-byte little-endian number at byte `index` of a table."""
    return u32(table[index]) | (u32(table[index + 1]) << 8) | (u32(table[index + 2]) << 16)


def table_find(table: bytes, cp: u32) -> u32:
    """The first code point of the range of `table` holding `cp`, or
    0xFFFFFFFF when no range does (binary search over 6-byte records)."""
    low = u32(0)
    high = u32(len(table) // 6)
    while low < high:
        mid = (low + high) // 2
        first = record_field(table, mid * 6)
        if cp < first:
            high = mid
        elif cp > record_field(table, mid * 6 + 3):
            low = mid + 1
        else:
            return first
    return NOT_FOUND


def in_table(table: bytes, cp: u32) -> bool:
    return table_find(table, cp) != NOT_FOUND


def is_space(cp: u32) -> bool:
    """str.isspace() of one code point (bidirectional class WS, B or S, or
    category Zs): a short fixed list."""
    if cp < 0x80:
        return (cp >= 9 and cp <= 13) or (cp >= 0x1C and cp <= 0x20)
    return (cp == 0x85 or cp == 0xA0 or cp == 0x1680 or (cp >= 0x2000 and cp <= 0x200A)
            or cp == 0x2028 or cp == 0x2029 or cp == 0x202F or cp == 0x205F or cp == 0x3000)


def is_linebreak(cp: u32) -> bool:
    """Where str.splitlines() breaks: \\n \\r \\v \\f, \\x1c-\\x1e, NEL, and
    the line and paragraph separators."""
    return ((cp >= 10 and cp <= 13) or (cp >= 0x1C and cp <= 0x1E) or cp == 0x85
            or cp == 0x2028 or cp == 0x2029)


def is_printable(cp: u32) -> bool:
    if cp < 0x80:
        return cp >= 0x20 and cp < 0x7F
    return not in_table(NOT_PRINTABLE, cp)


def is_alpha(cp: u32) -> bool:
    if cp < 0x80:
        return (cp | 0x20) >= 97 and (cp | 0x20) <= 122
    return in_table(ALPHA, cp)


def decimal_value(cp: u32) -> u32:
    """The value 0..9 of a decimal digit (category Nd), or 0xFFFFFFFF.
    Unicode lays every decimal digit set out as ten consecutive code points
    from zero, so a digit's value is its distance from its range's start,
    modulo ten (a range may hold several adjacent sets)."""
    if cp < 0x80:
        return cp - 48 if cp >= 48 and cp <= 57 else NOT_FOUND
    first = table_find(DECIMAL, cp)
    if first == NOT_FOUND:
        return first
    return (cp - first) % 10


def is_decimal(cp: u32) -> bool:
    return decimal_value(cp) != NOT_FOUND


def is_digit(cp: u32) -> bool:
    if cp < 0x80:
        return cp >= 48 and cp <= 57
    return in_table(DIGIT, cp)


def is_numeric(cp: u32) -> bool:
    if cp < 0x80:
        return cp >= 48 and cp <= 57
    return in_table(NUMERIC, cp)


def is_upper(cp: u32) -> bool:
    if cp < 0x80:
        return cp >= 65 and cp <= 90
    return in_table(UPPER, cp)


def is_lower(cp: u32) -> bool:
    if cp < 0x80:
        return cp >= 97 and cp <= 122
    return in_table(LOWER, cp)


def is_title(cp: u32) -> bool:
    return cp >= 0x1C5 and in_table(TITLE, cp)


def is_case_ignorable(cp: u32) -> bool:
    return in_table(CASE_IGNORABLE, cp)


def is_cased(cp: u32) -> bool:
    """Cased, for a character that is not case-ignorable."""
    return in_table(CASED, cp)


def case_map(table: bytes, cp: u32) -> u32:
    """`cp` mapped by a table of runs (first, last, delta, stride), or
    unchanged when no run covers it."""
    low = u32(0)
    high = u32(len(table) // 10)
    while low < high:
        mid = (low + high) // 2
        first = record_field(table, mid * 10)
        if cp < first:
            high = mid
        elif cp > record_field(table, mid * 10 + 3):
            low = mid + 1
        else:
            if (cp - first) % u32(table[mid * 10 + 9]) != 0:
                return cp
            return (cp + record_field(table, mid * 10 + 6)) & 0xFFFFFF
    return cp


def special_find(table: bytes, cp: u32) -> u32:
    """The byte index of `cp`'s record in a table of expansions (13 bytes:
    the code point, a count, three code points), or 0xFFFFFFFF."""
    low = u32(0)
    high = u32(len(table) // 13)
    while low < high:
        mid = (low + high) // 2
        at = record_field(table, mid * 13)
        if cp < at:
            high = mid
        elif cp > at:
            low = mid + 1
        else:
            return mid * 13
    return NOT_FOUND


def special_count(table: bytes, at: u32) -> u32:
    """How many characters the expansion at `at` has (2 or 3)."""
    return u32(table[at + 3])


def special_char(table: bytes, at: u32, k: u32) -> u32:
    """The k-th character of the expansion at `at`."""
    return record_field(table, at + 4 + 3 * k)
