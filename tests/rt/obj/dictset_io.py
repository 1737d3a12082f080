"""What the dict and set op interpreters share: standard input as one
buffer, integers read from it, text out, errors reported as CPython
prints them, and stand-in str hashing for a runtime built without str.py.

The op interpreters (dict_ops.py, set_ops.py) read a script of operations
from standard input, run them on the runtime's objects and print what
CPython's own dict and set print for the same script
(tests/rt/test_obj_dict.py, test_obj_set.py)."""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, func_addr, i64, u8, u64
from pythos.rt.core import write_byte
from pythos.rt.obj.items import item_repr
from pythos.rt.obj.object import (
    ERR_KEY,
    ERR_NONE,
    ERR_RUNTIME,
    ITEM_OPT,
    KIND_STR,
    STR_DATA,
    KindOps,
    StrBuilder,
    StrObject,
    error,
    kind_ops,
    obj_error_clear,
    register_kind,
    sb_append_byte,
    sb_append_str,
    sb_free,
)
from pythos.syscalls import read

INPUT_MAX: Final = 1 << 20

data = Array[u8, 1048576]()
length = i64(0)
pos = i64(0)


def read_input() -> None:
    """All of standard input into `data`."""
    global length
    while length < INPUT_MAX:
        got = read(0, addr_of(data[length]), INPUT_MAX - length)
        if got <= 0:
            break
        length += got


def more() -> bool:
    return pos < length


def next_u8() -> u8:
    global pos
    b = data[pos]
    pos += 1
    return b


def next_bytes(n: i64) -> u64:
    """The address of the next `n` bytes."""
    global pos
    start = addr_of(data[pos]).addr
    pos += n
    return start


def next_i64() -> i64:
    """Eight bytes, little-endian, as a signed integer."""
    v = u64(0)
    for i in range(8):
        v |= u64(next_u8()) << u64(8 * i)
    return i64(v)


def show_builder(sb: Ptr[StrBuilder]) -> None:
    """Write the builder's text and a newline, and empty it."""
    p = Ptr[u8](sb[0].data)
    for i in range(sb[0].nbytes):
        write_byte(p[i])
    write_byte(u8(10))
    sb_free(sb)


def report_error() -> bool:
    """If the last operation failed, print it as CPython's traceback's
    last line does (`KeyError: 'x'`), forget it, and say so."""
    if error.kind == ERR_NONE:
        return False
    sb = StrBuilder()
    if error.kind == ERR_KEY:
        # A KeyError's message is the key itself (an object), shown by repr.
        append_text(addr_of(sb), b"KeyError: ")
        item_repr(ITEM_OPT, error.message, addr_of(sb))
    elif error.kind == ERR_RUNTIME:
        append_text(addr_of(sb), b"RuntimeError: ")
    else:
        append_text(addr_of(sb), b"Error: ")
    if error.message != 0 and error.kind != ERR_KEY:
        sb_append_str(addr_of(sb), error.message)
    show_builder(addr_of(sb))
    obj_error_clear()
    return True


def append_text(sb: Ptr[StrBuilder], text: bytes) -> None:
    for i in range(len(text)):
        sb_append_byte(sb, u8(text[i]))


# ----- str's hash, == and repr, until str.py provides them ---------------------------
# Enough for keys of printable text without quotes or backslashes: the
# test's generator keeps to those.  The hash need not be CPython's: a dict
# iterates in insertion order whatever its keys hash to.

STANDIN_STR_OPS = KindOps()


def standin_str_hash(s: u64) -> u64:
    """FNV-1a over the UTF-8 bytes."""
    so = Ptr[StrObject](s)
    p = Ptr[u8](s + STR_DATA)
    h = u64(0xCBF29CE484222325)
    for i in range(so[0].nbytes):
        h = (h ^ u64(p[i])) * u64(0x100000001B3)
    return h >> 1


def standin_str_eq(a: u64, b: u64) -> u64:
    sa = Ptr[StrObject](a)
    sb = Ptr[StrObject](b)
    if sa[0].nbytes != sb[0].nbytes:
        return u64(0)
    pa = Ptr[u8](a + STR_DATA)
    pb = Ptr[u8](b + STR_DATA)
    for i in range(sa[0].nbytes):
        if pa[i] != pb[i]:
            return u64(0)
    return u64(1)


def standin_str_repr(s: u64, sb: u64) -> u64:
    builder = Ptr[StrBuilder](sb)
    sb_append_byte(builder, u8(39))
    sb_append_str(builder, s)
    sb_append_byte(builder, u8(39))
    return u64(0)


def need_str() -> None:
    """Install the stand-in str functions if no str.py registered its own."""
    if kind_ops[KIND_STR].hash != 0:
        return
    STANDIN_STR_OPS.hash = func_addr(standin_str_hash)
    STANDIN_STR_OPS.eq = func_addr(standin_str_eq)
    STANDIN_STR_OPS.repr = func_addr(standin_str_repr)
    register_kind(KIND_STR, addr_of(STANDIN_STR_OPS))
