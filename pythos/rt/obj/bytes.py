"""bytes: immutable byte strings (BytesObject in object.py).

A bytes object is `length` raw bytes after its header, then a NUL (so a
driver can hand one to code that wants a C string).  Every operation is a
byte operation: indexes are byte offsets, an item is an integer.  The
text side is `encode` (str to its UTF-8) and `decode` (UTF-8 back to str,
validated as strictly as CPython's codec, with its messages).

CPython reports a bad encoding as UnicodeDecodeError (and a lone
surrogate as UnicodeEncodeError), subclasses of ValueError that our error
kinds do not have yet: they are recorded as ValueError with CPython's
message text, `'utf-8' codec can't decode byte 0xff in position 0:
invalid start byte`.

`bytesops.py` has the operations compiled code calls on bytes values
(given as data and length, views and objects alike).  `bytearray`, the
mutable kind, is a list of bytes with a kind of its own: bytearray.py.
"""

from pythos.lang import Array, Ptr, addr_of, func_addr, i64, u8, u32, u64
from pythos.rt.mem import memcpy
from pythos.rt.obj.items import sb_append_ascii, sb_append_i64, sb_append_u64
from pythos.rt.obj.object import (
    BYTES_DATA,
    ERR_INDEX,
    ERR_UNICODE_DECODE,
    ERR_UNICODE_ENCODE,
    IMMORTAL,
    KIND_BYTES,
    STR_DATA,
    BytesObject,
    KindOps,
    StrBuilder,
    TypeInfo,
    cstring,
    obj_new,
    obj_raise,
    register_kind,
    sb_append_byte,
    sb_finish,
    str_from_utf8,
)
from pythos.rt.obj.str import (
    raise_ascii,
    sb_append_hex,
    str_data,
    str_nbytes,
)
from pythos.rt.obj.utf8 import bytes_compare, hash_bytes

BYTES_TYPE = TypeInfo()
bytes_name = Array[u8, 8]()


def bdata(b: u64) -> Ptr[u8]:
    return Ptr[u8](b + BYTES_DATA)


def blen(b: u64) -> u64:
    return u64(Ptr[BytesObject](b)[0].length)


def bytes_new(length: u64) -> u64:
    """A new bytes of `length` zero bytes (for the caller to fill before
    anyone else sees it, at `obj + BYTES_DATA`)."""
    obj = obj_new(addr_of(BYTES_TYPE).addr, BYTES_DATA + length + 1)
    Ptr[BytesObject](obj)[0].length = i64(length)
    return obj


def bytes_from_data(data: u64, length: u64) -> u64:
    """A new bytes holding a copy of `length` bytes at `data`."""
    obj = bytes_new(length)
    if length != 0:
        memcpy(Ptr[u8](obj + BYTES_DATA), Ptr[u8](data), length)
    return obj


def bytes_object(data: u64, length: u64, owner: u64) -> u64:
    """A bytes value {data, length, owner} as a bytes object, a new
    reference: its owner itself when the value is all of the owner's
    data (as `o: object = s.encode()` keeps CPython's one object), else
    a new bytes holding a copy (a view of constant data)."""
    if owner != 0 and owner + BYTES_DATA == data and blen(owner) == length:
        Ptr[BytesObject](owner)[0].refcnt += 1
        return owner
    return bytes_from_data(data, length)


def bytes_len(b: u64) -> i64:
    """len(b)."""
    return Ptr[BytesObject](b)[0].length


def bytes_getitem(b: u64, index: i64) -> i64:
    """b[index], an integer 0..255; IndexError `index out of range`."""
    length = bytes_len(b)
    i = index + length if index < 0 else index
    if i < 0 or i >= length:
        raise_ascii(ERR_INDEX, b"index out of range")
        return i64(0)
    return i64(bdata(b)[i])


def bytes_concat(a: u64, b: u64) -> u64:
    """a + b."""
    na = blen(a)
    nb = blen(b)
    obj = bytes_new(na + nb)
    memcpy(Ptr[u8](obj + BYTES_DATA), bdata(a), na)
    memcpy(Ptr[u8](obj + BYTES_DATA + na), bdata(b), nb)
    return obj


def bytes_concat_data(pa: u64, na: i64, pb: u64, nb: i64) -> u64:
    """a + b of two bytes values given as their data's address and length
    (a view or an object's data alike): a new bytes."""
    obj = bytes_new(u64(na + nb))
    memcpy(Ptr[u8](obj + BYTES_DATA), Ptr[u8](pa), u64(na))
    memcpy(Ptr[u8](obj + BYTES_DATA + u64(na)), Ptr[u8](pb), u64(nb))
    return obj


def bytes_order(pa: u64, na: i64, pb: u64, nb: i64) -> i64:
    """<0, 0 or >0 as the bytes at `pa` (`na` of them) are below, equal to
    or above those at `pb`: byte by byte, then by length."""
    return bytes_compare(Ptr[u8](pa), u64(na), Ptr[u8](pb), u64(nb))


def bytes_eq(a: u64, b: u64) -> bool:
    """a == b."""
    if blen(a) != blen(b):
        return False
    return bytes_compare(bdata(a), blen(a), bdata(b), blen(b)) == 0


def bytes_lt(a: u64, b: u64) -> bool:
    """a < b (byte by byte, then by length)."""
    return bytes_compare(bdata(a), blen(a), bdata(b), blen(b)) < 0


def bytes_hash(b: u64) -> u64:
    """hash(b), computed once (never 0 or -1)."""
    bo = Ptr[BytesObject](b)
    if bo[0].hash != 0:
        return bo[0].hash
    h = hash_bytes(bdata(b), blen(b))
    if bo[0].refcnt < IMMORTAL // 2:  # a static bytes may be read-only (see str_hash)
        bo[0].hash = h
    return h


def bytes_repr_into(b: u64, sb: Ptr[StrBuilder]) -> None:
    """Append repr(b) (see data_repr_into)."""
    data_repr_into(bdata(b), blen(b), sb)


def data_repr_into(p: Ptr[u8], n: u64, sb: Ptr[StrBuilder]) -> None:
    """Append the repr of the bytes `p[0:n]`: b'...' (b"..." if they have '
    and no "), with \\\\, the quote, \\t \\n \\r escaped and bytes outside
    0x20..0x7e as \\xhh.  A bytearray's repr wraps it (bytearray.py)."""
    has_single = False
    has_double = False
    for i in range(n):
        if p[i] == 39:
            has_single = True
        elif p[i] == 34:
            has_double = True
    quote = u8(34) if has_single and not has_double else u8(39)
    sb_append_byte(sb, u8(98))
    sb_append_byte(sb, quote)
    for i in range(n):
        c = p[i]
        if c == quote or c == 92:
            sb_append_byte(sb, u8(92))
            sb_append_byte(sb, c)
        elif c == 9:
            sb_append_ascii(sb, b"\\t")
        elif c == 10:
            sb_append_ascii(sb, b"\\n")
        elif c == 13:
            sb_append_ascii(sb, b"\\r")
        elif c < 32 or c >= 127:
            sb_append_ascii(sb, b"\\x")
            sb_append_hex(sb, u32(c), u32(2))
        else:
            sb_append_byte(sb, c)
    sb_append_byte(sb, quote)


def bytes_repr(b: u64) -> u64:
    """repr(b) (also str(b)), a new str."""
    sb = StrBuilder()
    bytes_repr_into(b, addr_of(sb))
    return sb_finish(addr_of(sb))


# ----- encode and decode ----------------------------------------------------------------


def bytes_encode(s: u64) -> u64:
    """s.encode() (UTF-8): a copy of the str's bytes.  A lone surrogate
    (from chr(0xD800)) cannot be encoded: ValueError with CPython's
    UnicodeEncodeError text."""
    p = str_data(s)
    n = str_nbytes(s)
    index = i64(0)
    for i in range(n):
        if p[i] == 0xED and i + 1 < n and p[i + 1] >= 0xA0:
            sb = StrBuilder()
            sb_append_ascii(addr_of(sb), b"'utf-8' codec can't encode character '\\u")
            cp = (u32(p[i] & 0x0F) << 12) | (u32(p[i + 1] & 0x3F) << 6) | u32(p[i + 2] & 0x3F)
            sb_append_hex(addr_of(sb), cp, u32(4))
            sb_append_ascii(addr_of(sb), b"' in position ")
            sb_append_i64(addr_of(sb), index)
            sb_append_ascii(addr_of(sb), b": surrogates not allowed")
            obj_raise(ERR_UNICODE_ENCODE, sb_finish(addr_of(sb)))
            return u64(0)
        if (p[i] & 0xC0) != 0x80:
            index += 1
    return bytes_from_data(s + STR_DATA, n)


def decode_error(p: Ptr[u8], start: u64, end: u64, reason: bytes) -> None:
    """ValueError with the text of CPython's UnicodeDecodeError for bytes
    `start..end` (end exclusive)."""
    sb = StrBuilder()
    if end - start == 1:
        sb_append_ascii(addr_of(sb), b"'utf-8' codec can't decode byte 0x")
        sb_append_hex(addr_of(sb), u32(p[start]), u32(2))
        sb_append_ascii(addr_of(sb), b" in position ")
        sb_append_u64(addr_of(sb), start)
    else:
        sb_append_ascii(addr_of(sb), b"'utf-8' codec can't decode bytes in position ")
        sb_append_u64(addr_of(sb), start)
        sb_append_byte(addr_of(sb), u8(45))
        sb_append_u64(addr_of(sb), end - 1)
    sb_append_ascii(addr_of(sb), b": ")
    sb_append_ascii(addr_of(sb), reason)
    obj_raise(ERR_UNICODE_DECODE, sb_finish(addr_of(sb)))


def bytes_decode(b: u64) -> u64:
    """b.decode() of a bytes object: a new str (see decode_utf8)."""
    return decode_utf8(bdata(b), blen(b))


def bytes_decode_view(data: u64, length: u64) -> u64:
    """data.decode() of the language's plain bytes (a literal, or a view
    of constant data), given as its address and length: a new str (see
    decode_utf8)."""
    return decode_utf8(Ptr[u8](data), length)


def decode_utf8(p: Ptr[u8], n: u64) -> u64:
    """The `n` bytes at `p` decoded as UTF-8 (strict): a new str.  The
    checks are the standard's: no overlong forms (C0, C1, E0 80..9F, F0
    80..8F), no surrogates (ED A0..BF), nothing above U+10FFFF (F4 90..,
    F5..FF).  The first bad sequence is reported as CPython reports it: an
    invalid start byte alone, or the valid prefix of a sequence cut short
    by an invalid continuation byte or by the end of the data."""
    i = u64(0)
    while i < n:
        c = p[i]
        if c < 0x80:
            i += 1
            continue
        low = u8(0x80)
        high = u8(0xBF)
        if c < 0xC2 or c > 0xF4:
            decode_error(p, i, i + 1, b"invalid start byte")
            return u64(0)
        if c < 0xE0:
            need = u64(1)
        elif c < 0xF0:
            need = u64(2)
            if c == 0xE0:
                low = u8(0xA0)
            elif c == 0xED:
                high = u8(0x9F)
        else:
            need = u64(3)
            if c == 0xF0:
                low = u8(0x90)
            elif c == 0xF4:
                high = u8(0x8F)
        for k in range(1, need + 1):
            if i + k >= n:
                decode_error(p, i, n, b"unexpected end of data")
                return u64(0)
            d = p[i + k]
            if d < low or d > high:
                decode_error(p, i, i + k, b"invalid continuation byte")
                return u64(0)
            low = u8(0x80)
            high = u8(0xBF)
        i += need + 1
    return str_from_utf8(p.addr, n)


# ----- the kind's functions ---------------------------------------------------------------


def op_size(b: u64) -> u64:
    """KindOps.size: the bytes the object occupies."""
    return BYTES_DATA + blen(b) + 1


def op_hash(b: u64) -> u64:
    """KindOps.hash: hash(b)."""
    return bytes_hash(b)


def op_eq(a: u64, b: u64) -> u64:
    """KindOps.eq: a == b as 0 or 1."""
    return u64(1) if bytes_eq(a, b) else u64(0)


def op_lt(a: u64, b: u64) -> u64:
    """KindOps.lt: a < b as 0 or 1."""
    return u64(1) if bytes_lt(a, b) else u64(0)


def op_repr(b: u64, sb: u64) -> u64:
    """KindOps.repr: append repr(b) to the builder at `sb`."""
    bytes_repr_into(b, Ptr[StrBuilder](sb))
    return u64(0)


def init() -> None:
    """Fill BYTES_TYPE and register the bytes kind's functions (str(b) is
    repr(b), so `str` stays 0)."""
    BYTES_TYPE.kind = KIND_BYTES
    BYTES_TYPE.size = BYTES_DATA + 1
    BYTES_TYPE.name = cstring(addr_of(bytes_name), b"bytes")
    ops = KindOps()
    ops.size = func_addr(op_size)
    ops.hash = func_addr(op_hash)
    ops.eq = func_addr(op_eq)
    ops.lt = func_addr(op_lt)
    ops.repr = func_addr(op_repr)
    register_kind(KIND_BYTES, addr_of(ops))
