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

Case *mapping* (`upper()`, `lower()`) is smaller on purpose: ASCII and
Latin-1 (U+0000 to U+00FF, including the three letters whose partner is
outside it: `ÿ` and `Ÿ`, `µ` upper-cased to Greek `Μ`, and `ß` upper-cased to
`SS`).  Other scripts (Greek, Cyrillic, ...) are returned unchanged; a full
mapping needs about 2,900 entries and the special-casing rules, which
the kernel's text has no use for yet (docs/objects.md, "Strings").
"""

from pythos.lang import u32
from pythos.rt.obj.unicode_data import (
    ALPHA,
    DECIMAL,
    DIGIT,
    LOWER,
    NOT_PRINTABLE,
    NUMERIC,
    TITLE,
    UPPER,
)


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
    return u32(0xFFFFFFFF)


def in_table(table: bytes, cp: u32) -> bool:
    return table_find(table, cp) != 0xFFFFFFFF


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
        return cp - 48 if cp >= 48 and cp <= 57 else u32(0xFFFFFFFF)
    first = table_find(DECIMAL, cp)
    if first == 0xFFFFFFFF:
        return first
    return (cp - first) % 10


def is_decimal(cp: u32) -> bool:
    return decimal_value(cp) != 0xFFFFFFFF


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


def to_upper(cp: u32) -> u32:
    """The upper case of one code point, for ASCII and Latin-1 (and
    unchanged elsewhere).  `ß` becomes two letters: the caller handles
    it (it returns 0xDF here)."""
    if cp < 0x80:
        return cp - 32 if cp >= 97 and cp <= 122 else cp
    if cp >= 0xE0 and cp <= 0xFE and cp != 0xF7:
        return cp - 32
    if cp == 0xFF:
        return u32(0x178)
    if cp == 0xB5:
        return u32(0x39C)
    return cp


def to_lower(cp: u32) -> u32:
    """The lower case of one code point, for ASCII and Latin-1 (and `Ÿ`,
    the upper case of `ÿ`); unchanged elsewhere."""
    if cp < 0x80:
        return cp + 32 if cp >= 65 and cp <= 90 else cp
    if cp >= 0xC0 and cp <= 0xDE and cp != 0xD7:
        return cp + 32
    if cp == 0x178:
        return u32(0xFF)
    return cp
