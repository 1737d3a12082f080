"""Integers to text and back: `str(n)`, f-string fields, `int(s)`.

`str_format_int` lays an integer out by a format spec the compiler has
already decoded (pythos/check/fmtspec.py), with the rules of `write_int`
in rt/core.py, but into a StrBuilder, since an f-string used as a value
is a str.  `str_to_int` is CPython's `int(s, base)` for 64-bit results
(docs/objects.md, "int(s) and str(n)").
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, i64, struct, u8, u32, u64
from pythos.rt.mem import memcpy
from pythos.rt.obj.items import decimal_digits, sb_append_ascii, sb_append_i64
from pythos.rt.obj.object import (
    ERR_OVERFLOW,
    ERR_VALUE,
    STR_DATA,
    StrBuilder,
    obj_raise,
    sb_append,
    sb_append_byte,
    sb_append_str,
    sb_finish,
    sb_free,
    sb_reserve,
    str_new,
)
from pythos.rt.obj.str import (
    raise_ascii,
    sb_append_cp,
    str_data,
    str_is_ascii,
    str_length,
    str_nbytes,
    str_repr_into,
)
from pythos.rt.obj.unicode import NOT_FOUND, decimal_value, is_space
from pythos.rt.obj.utf8 import utf8_decode, utf8_width


def str_from_i64(value: i64) -> u64:
    """str(n) of a signed integer."""
    if value < 0:
        return decimal_str(u64(0) - u64(value), True)
    return decimal_str(u64(value), False)


def str_from_u64(value: u64) -> u64:
    """str(n) of an unsigned integer."""
    return decimal_str(value, False)


def decimal_str(magnitude: u64, negative: bool) -> u64:
    """The decimal text of an integer as a new str: the digits are laid
    out from the end of a small array, then the str is made at its exact
    size and filled with one copy (through a text builder this was a call
    per digit, a buffer, and a second copy)."""
    digits = Array[u8, 24]()
    n = decimal_digits(Ptr[u8](addr_of(digits).addr), u64(24), magnitude)
    if negative:
        n -= 1
        digits[n] = u8(45)  # -
    obj = str_new(u64(24) - n, u64(24) - n)
    memcpy(Ptr[u8](obj + STR_DATA), Ptr[u8](addr_of(digits).addr + n), u64(24) - n)
    return obj


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
    # At most 64 binary digits and their 15 separators, backwards.
    digits = Array[u8, 80]()
    n = u64(0)
    ndigits = u64(0)
    v = mag
    while True:
        if grouping != 0 and ndigits != 0 and ndigits % group == 0:
            digits[n] = grouping
            n += 1
        d = u8(v % base)
        if d < 10:
            digits[n] = 48 + d
        elif kind == 88:
            digits[n] = 55 + d
        else:
            digits[n] = 87 + d
        n += 1
        ndigits += 1
        v = v // base
        if v == 0:
            break
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
    while n > 0:
        n -= 1
        sb_append_byte(sb, digits[n])
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
    parsed = ParsedInt()
    result = parse_int(t, tn, base, addr_of(parsed))
    sb_free(addr_of(buf))
    if result == PARSE_BAD:
        int_error(s, base)
        return i64(0)
    if result == PARSE_TOO_LONG:
        sb = StrBuilder()
        sb_append_ascii(addr_of(sb), b"Exceeds the limit (4300 digits) for integer string "
                        b"conversion: value has ")
        sb_append_i64(addr_of(sb), parsed.value)
        sb_append_ascii(addr_of(sb), b" digits; use sys.set_int_max_str_digits() to increase "
                        b"the limit")
        obj_raise(ERR_VALUE, sb_finish(addr_of(sb)))
        return i64(0)
    if result == PARSE_OVERFLOW:
        raise_ascii(ERR_OVERFLOW, b"Python int too large to convert to C long")
        return i64(0)
    return parsed.value


# What parse_int found (its result; the number goes to a ParsedInt).
PARSE_OK: Final = 0
PARSE_BAD: Final = 1  # not an integer literal
PARSE_OVERFLOW: Final = 2  # outside i64
PARSE_TOO_LONG: Final = 3  # more digits than CPython converts (the number is their count)
MAX_STR_DIGITS: Final = 4300


@struct
class ParsedInt:
    value: i64


def parse_int(t: Ptr[u8], n: u64, base_arg: i64, out: Ptr[ParsedInt]) -> i64:
    """Parse NUL-terminated ASCII `t` (PyLong_FromString's grammar); the
    value goes to `out`, the result is PARSE_*."""
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
    if previous == 95:
        return i64(PARSE_BAD)
    # CPython refuses more than 4300 digits in a base that is not a power
    # of two (sys.get_int_max_str_digits()), right after reading them:
    # before it looks at what follows.
    if digits > MAX_STR_DIGITS and (base & (base - 1)) != 0:
        out[0].value = i64(digits)
        return i64(PARSE_TOO_LONG)
    if digits == 0 or (only_zero and nonzero):
        return i64(PARSE_BAD)
    while i < n and is_int_space(u32(t[i])):
        i += 1
    if i != n:
        return i64(PARSE_BAD)
    limit = u64(1) << 63 if negative else (u64(1) << 63) - 1
    if overflow or mag > limit:
        return i64(PARSE_OVERFLOW)
    out[0].value = i64(u64(0) - mag) if negative else i64(mag)
    return i64(PARSE_OK)
