"""str's case methods: upper, lower, title, capitalize, swapcase, casefold,
and the isupper and islower tests.

Each mapping is Unicode's, as CPython applies it: a character maps to one
character by a table of runs, or to several by a table of expansions
(unicode.py, from tables generated out of CPython's own unicodedata).
`lower()` (and the lower-casing inside `title`, `capitalize` and
`swapcase`) has one rule of context: a capital sigma that ends a word is
`ς`, elsewhere `σ`.  ASCII text takes a byte-by-byte path for upper()
and lower().
"""

from typing import Final

from pythos.lang import Ptr, addr_of, u8, u32, u64
from pythos.rt.obj.object import STR_DATA, StrBuilder, sb_finish, sb_reserve, str_new
from pythos.rt.obj.str import sb_append_cp, str_data, str_is_ascii, str_nbytes
from pythos.rt.obj.unicode import (
    NOT_FOUND,
    case_map,
    is_case_ignorable,
    is_cased,
    is_lower,
    is_title,
    is_upper,
    special_char,
    special_count,
    special_find,
)
from pythos.rt.obj.unicode_data import (
    FOLD_MAP,
    FOLD_SPECIAL,
    LOWER_MAP,
    LOWER_SPECIAL,
    TITLE_MAP,
    TITLE_SPECIAL,
    UPPER_MAP,
    UPPER_SPECIAL,
)
from pythos.rt.obj.utf8 import prev_offset, utf8_decode, utf8_width

# Which mapping a loop applies (`map_text`).
TO_UPPER: Final = u32(1)
TO_LOWER: Final = u32(2)
TO_FOLD: Final = u32(3)
SWAP: Final = u32(4)
TITLE_WORDS: Final = u32(5)
CAPITALIZE: Final = u32(6)


def append_mapped(sb: Ptr[StrBuilder], special: bytes, simple: bytes, cp: u32) -> None:
    """Append `cp` mapped by one of Unicode's case mappings: its expansion
    in `special` if it has one, else its one-to-one mapping in `simple`."""
    if cp >= 0xDF:  # no expansion starts lower (ß is the first)
        at = special_find(special, cp)
        if at != NOT_FOUND:
            for k in range(special_count(special, at)):
                sb_append_cp(sb, special_char(special, at, k))
            return
    sb_append_cp(sb, case_map(simple, cp))


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


def append_lower(sb: Ptr[StrBuilder], p: Ptr[u8], n: u64, offset: u64, cp: u32) -> None:
    """Append the lower case of the character `cp` at `offset` of the text
    `p` (its context decides a sigma)."""
    if cp == 0x3A3:
        sb_append_cp(sb, u32(0x3C2) if final_sigma(p, n, offset) else u32(0x3C3))
    else:
        append_mapped(sb, LOWER_SPECIAL, LOWER_MAP, cp)


def map_text(s: u64, how: u32) -> u64:
    """A new str: `s` with each character mapped as `how` says."""
    p = str_data(s)
    n = str_nbytes(s)
    sb = StrBuilder()
    sb_reserve(addr_of(sb), n)
    previous_cased = False
    i = u64(0)
    while i < n:
        cp = utf8_decode(p, i)
        if how == TO_UPPER:
            append_mapped(addr_of(sb), UPPER_SPECIAL, UPPER_MAP, cp)
        elif how == TO_LOWER:
            append_lower(addr_of(sb), p, n, i, cp)
        elif how == TO_FOLD:
            append_mapped(addr_of(sb), FOLD_SPECIAL, FOLD_MAP, cp)
        elif how == SWAP:
            if is_upper(cp):
                append_lower(addr_of(sb), p, n, i, cp)
            elif is_lower(cp):
                append_mapped(addr_of(sb), UPPER_SPECIAL, UPPER_MAP, cp)
            else:
                sb_append_cp(addr_of(sb), cp)
        elif how == TITLE_WORDS:
            # A word starts at each character that follows an uncased one.
            if previous_cased:
                append_lower(addr_of(sb), p, n, i, cp)
            else:
                append_mapped(addr_of(sb), TITLE_SPECIAL, TITLE_MAP, cp)
            previous_cased = is_cased(cp)
        elif i == 0:  # CAPITALIZE: the first character in title case
            append_mapped(addr_of(sb), TITLE_SPECIAL, TITLE_MAP, cp)
        else:
            append_lower(addr_of(sb), p, n, i, cp)
        i += utf8_width(p[i])
    return sb_finish(addr_of(sb))


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
    """s.upper(): a new str; some characters become several (`ß` to `SS`)."""
    if str_is_ascii(s):
        return ascii_case(s, u8(97), u8(224))
    return map_text(s, TO_UPPER)


def str_lower(s: u64) -> u64:
    """s.lower(): a new str, with the final sigma."""
    if str_is_ascii(s):
        return ascii_case(s, u8(65), u8(32))
    return map_text(s, TO_LOWER)


def str_casefold(s: u64) -> u64:
    """s.casefold(): a new str, lower case made for comparing (`ß` is `ss`)."""
    if str_is_ascii(s):
        return ascii_case(s, u8(65), u8(32))
    return map_text(s, TO_FOLD)


def str_swapcase(s: u64) -> u64:
    """s.swapcase(): a new str, upper case lowered and lower case raised."""
    return map_text(s, SWAP)


def str_title(s: u64) -> u64:
    """s.title(): a new str, each word's first letter in title case and the
    rest lower case (a word: a run of cased characters)."""
    return map_text(s, TITLE_WORDS)


def str_capitalize(s: u64) -> u64:
    """s.capitalize(): a new str, the first character in title case and
    the rest lower case."""
    return map_text(s, CAPITALIZE)


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
    """s.isupper(): cased characters, all upper case."""
    return cased_test(s, True)


def str_islower(s: u64) -> bool:
    """s.islower(): cased characters, all lower case."""
    return cased_test(s, False)
