"""An interpreter of str and bytes operations, for tests/rt/test_obj_str.py
and test_obj_bytes.py: it reads operations from standard input, runs each
on the runtime's str and bytes objects, and prints every result in a
framing the test reproduces from CPython's own str and bytes.

Input: records of an operation number (u8), an argument count (u8), and
the arguments, each a tag byte then its value: `s` a str (u32 length,
UTF-8), `b` bytes (u32 length, raw), `i` an integer (8 bytes, little
endian), `n` None.

Output, one record per operation: `S<code points>,<bytes>:<text>`, `Y<n>:<raw>`,
`I<int>`, `B<0|1>`, `L<n>` or `T<n>` then n str records, or `E<error
kind>:<message>`; each ends with a newline.  Last comes `live <n>`, the
objects left alive (must be 0)."""

from pythos.lang import Array, Ptr, addr_of, func_addr, i64, u8, u32, u64
from pythos.rt.alloc import obj_free, obj_stats
from pythos.rt.core import write_byte
from pythos.rt.obj.bytes import (
    bytes_concat,
    bytes_decode,
    bytes_encode,
    bytes_eq,
    bytes_from_data,
    bytes_getitem,
    bytes_hash,
    bytes_len,
    bytes_lt,
    bytes_repr,
)
from pythos.rt.obj.bytes import init as init_bytes
from pythos.rt.obj.bytesops import (
    bytes_contains_data,
    bytes_count_data,
    bytes_find_data,
    bytes_hex_data,
    bytes_slice_data,
    bytes_startswith_data,
)
from pythos.rt.obj.items import item_eq, item_hash, item_lt, item_repr, item_str
from pythos.rt.obj.object import (
    BYTES_DATA,
    IMMORTAL,
    ITEM_OBJ,
    STR_DATA,
    TUPLE_ITEMS,
    BytesObject,
    KindOps,
    ListObject,
    StrBuilder,
    StrObject,
    error,
    init_object,
    obj_decref,
    obj_error_clear,
    register_kind,
    sb_append_byte,
    sb_finish,
    str_from_utf8,
)
from pythos.rt.obj.str import (
    init,
    str_char_at,
    str_chr,
    str_concat,
    str_contains,
    str_eq,
    str_getitem,
    str_hash,
    str_le,
    str_len,
    str_lt,
    str_next_offset,
    str_ord,
    str_repeat,
    str_repr,
    str_slice,
)
from pythos.rt.obj.strcase import (
    str_capitalize,
    str_casefold,
    str_islower,
    str_isupper,
    str_lower,
    str_swapcase,
    str_title,
    str_upper,
)
from pythos.rt.obj.strconv import (
    str_format_int,
    str_format_str,
    str_from_i64,
    str_from_u64,
    str_to_int,
)
from pythos.rt.obj.strmethods import (
    str_center,
    str_count,
    str_endswith,
    str_find,
    str_index,
    str_isalnum,
    str_isalpha,
    str_isdecimal,
    str_isdigit,
    str_isnumeric,
    str_isprintable,
    str_isspace,
    str_ljust,
    str_lstrip,
    str_replace,
    str_rfind,
    str_rindex,
    str_rjust,
    str_rstrip,
    str_startswith,
    str_strip,
    str_zfill,
)
from pythos.rt.obj.strsplit import init as init_split
from pythos.rt.obj.strsplit import (
    str_join,
    str_partition,
    str_rpartition,
    str_rsplit,
    str_split,
    str_splitlines,
    str_tuple3,
    strlist_append,
    strlist_new,
)
from pythos.syscalls import read

INPUT_SIZE = 1 << 22
data = Array[u8, 4194304]()
args = Array[u64, 16]()
tags = Array[u8, 16]()


def test_list_clear(lst: u64) -> u64:
    """What list.py's clear does for a list of objects (this program runs
    without list.py): drop the items, free the buffer."""
    lo = Ptr[ListObject](lst)
    items = Ptr[u64](lo[0].items)
    for i in range(lo[0].length):
        obj_decref(items[i])
    if lo[0].items != 0:
        obj_free(lo[0].items, u64(lo[0].capacity) * 8)
    return u64(0)


def test_tuple_clear(t: u64) -> u64:
    items = Ptr[u64](t + TUPLE_ITEMS)
    for i in range(Ptr[i64](t + 16)[0]):
        obj_decref(items[i])
    return u64(0)


def out_text(p: Ptr[u8], n: u64) -> None:
    for i in range(n):
        write_byte(p[i])


def out_str(s: u64) -> None:
    so = Ptr[StrObject](s)
    print(f"S{so[0].length},{so[0].nbytes}:", end="")
    out_text(Ptr[u8](s + STR_DATA), u64(so[0].nbytes))
    write_byte(u8(10))


def out_bytes(b: u64) -> None:
    bo = Ptr[BytesObject](b)
    print(f"Y{bo[0].length}:", end="")
    out_text(Ptr[u8](b + BYTES_DATA), u64(bo[0].length))
    write_byte(u8(10))


def out_error() -> bool:
    """Print a recorded error (and forget it); whether there was one."""
    if error.kind == 0:
        return False
    print(f"E{error.kind}:", end="")
    m = error.message
    out_text(Ptr[u8](m + STR_DATA), u64(Ptr[StrObject](m)[0].nbytes))
    write_byte(u8(10))
    obj_error_clear()
    return True


def result_str(s: u64) -> None:
    if not out_error():
        out_str(s)
        obj_decref(s)


def result_bytes(b: u64) -> None:
    if not out_error():
        out_bytes(b)
        obj_decref(b)


def result_int(v: i64) -> None:
    if not out_error():
        print(f"I{v}")


def result_bool(v: bool) -> None:
    if not out_error():
        print(f"B{int(v)}")


def result_list(lst: u64, tag: u8) -> None:
    """A list[str] (tag L) or a tuple of str (tag T)."""
    if out_error():
        return
    if tag == 76:
        lo = Ptr[ListObject](lst)
        n = lo[0].length
        items = Ptr[u64](lo[0].items)
    else:
        n = Ptr[i64](lst + 16)[0]
        items = Ptr[u64](lst + TUPLE_ITEMS)
    write_byte(tag)
    print(n)
    for i in range(n):
        out_str(items[i])
    obj_decref(lst)


def le(p: Ptr[u8], at: u64, count: u64) -> u64:
    v = u64(0)
    for i in range(count):
        v |= u64(p[at + i]) << (8 * i)
    return v


def has(i: int) -> bool:
    return tags[i] != 110


def int_arg(i: int, default: i64) -> i64:
    return i64(args[i]) if has(i) else default


def run(op: u8, argc: u64) -> None:
    a = args[0]
    b = args[1]
    c = args[2]
    if op == 1:
        result_int(str_len(a))
    elif op == 2:
        result_bool(str_eq(a, b))
    elif op == 3:
        result_bool(str_lt(a, b))
    elif op == 4:
        result_bool(str_le(a, b))
    elif op == 5:
        # hash: the same for an equal copy, never 0 or -1, kept in the object
        copy = str_from_utf8(a + STR_DATA, u64(Ptr[StrObject](a)[0].nbytes))
        h = str_hash(a)
        ok = h == str_hash(copy) and h != 0 and h != u64(0xFFFFFFFFFFFFFFFF)
        ok = ok and Ptr[StrObject](a)[0].hash == h
        obj_decref(copy)
        result_bool(ok)
    elif op == 6:
        result_str(str_concat(a, b))
    elif op == 7:
        result_str(str_repeat(a, i64(b)))
    elif op == 8:
        result_str(str_getitem(a, i64(b)))
    elif op == 9:
        result_str(str_slice(a, int_arg(1, i64(0)), int_arg(2, i64(0)), int_arg(3, i64(1)),
                             has(1), has(2)))
    elif op == 10:
        result_bool(str_contains(a, b))
    elif op == 11:
        result_str(str_repr(a))
    elif op == 12:
        result_str(str_from_i64(i64(a)))
    elif op == 13:
        result_str(str_from_u64(a))
    elif op == 14:
        result_str(str_format_int(a, b != 0, u32(c), u8(args[3]), u8(args[4]), args[5] != 0,
                                  args[6], u8(args[7]), u8(args[8])))
    elif op == 15:
        result_int(str_to_int(a, i64(b)))
    elif op == 16:
        result_int(str_ord(a))
    elif op == 17:
        result_str(str_chr(i64(a)))
    elif op == 18:
        result_str(str_format_str(a, u32(b), u8(c), args[3]))
    elif op == 19:
        # a static str: its hash is computed but never stored in it
        copy = str_from_utf8(a + STR_DATA, u64(Ptr[StrObject](a)[0].nbytes))
        Ptr[StrObject](copy)[0].refcnt = IMMORTAL
        h = str_hash(copy)
        if Ptr[StrObject](copy)[0].hash == 0 and str_hash(copy) == h:
            print(f"I{h}")
        else:
            print("I-1")
        Ptr[StrObject](copy)[0].refcnt = i64(1)
        obj_decref(copy)
    elif op == 20:
        result_list(str_split(a, b, int_arg(2, i64(-1))), u8(76))
    elif op == 21:
        result_list(str_rsplit(a, b, int_arg(2, i64(-1))), u8(76))
    elif op == 22:
        lst = strlist_new()
        for i in range(1, argc):
            Ptr[StrObject](args[i])[0].refcnt += 1
            strlist_append(lst, args[i])
        result_str(str_join(a, lst))
        obj_decref(lst)
    elif op == 23:
        result_str(str_strip(a, b))
    elif op == 24:
        result_str(str_lstrip(a, b))
    elif op == 25:
        result_str(str_rstrip(a, b))
    elif op == 26:
        result_bool(str_startswith(a, b, int_arg(2, i64(0)), int_arg(3, i64(0)), has(2),
                                   has(3)))
    elif op == 27:
        result_bool(str_endswith(a, b, int_arg(2, i64(0)), int_arg(3, i64(0)), has(2),
                                 has(3)))
    elif op == 28:
        result_int(str_find(a, b, int_arg(2, i64(0)), int_arg(3, i64(0)), has(2), has(3)))
    elif op == 29:
        result_int(str_rfind(a, b, int_arg(2, i64(0)), int_arg(3, i64(0)), has(2), has(3)))
    elif op == 30:
        result_int(str_index(a, b, int_arg(2, i64(0)), int_arg(3, i64(0)), has(2), has(3)))
    elif op == 31:
        result_int(str_rindex(a, b, int_arg(2, i64(0)), int_arg(3, i64(0)), has(2), has(3)))
    elif op == 32:
        result_str(str_replace(a, b, c, int_arg(3, i64(-1))))
    elif op == 33:
        result_str(str_upper(a))
    elif op == 34:
        result_str(str_lower(a))
    elif op == 35:
        result_bool(str_isdigit(a))
    elif op == 36:
        result_bool(str_isalpha(a))
    elif op == 37:
        result_bool(str_isspace(a))
    elif op == 38:
        result_bool(str_isalnum(a))
    elif op == 39:
        result_bool(str_isupper(a))
    elif op == 40:
        result_bool(str_islower(a))
    elif op == 41:
        result_bool(str_isdecimal(a))
    elif op == 42:
        result_bool(str_isnumeric(a))
    elif op == 43:
        result_bool(str_isprintable(a))
    elif op == 44:
        result_str(str_ljust(a, i64(b), c))
    elif op == 45:
        result_str(str_rjust(a, i64(b), c))
    elif op == 46:
        result_str(str_center(a, i64(b), c))
    elif op == 47:
        result_str(str_zfill(a, i64(b)))
    elif op == 48:
        result_int(str_count(a, b, int_arg(2, i64(0)), int_arg(3, i64(0)), has(2), has(3)))
    elif op == 49:
        result_list(str_partition(a, b), u8(84))
    elif op == 50:
        result_list(str_rpartition(a, b), u8(84))
    elif op == 51:
        result_list(str_splitlines(a, b != 0), u8(76))
    elif op == 52:
        lst = strlist_new()
        offset = u64(0)
        while offset < u64(Ptr[StrObject](a)[0].nbytes):
            strlist_append(lst, str_char_at(a, offset))
            offset = str_next_offset(a, offset)
        result_list(lst, u8(76))
    elif op == 53:
        # through the kind's registered functions, as containers reach items
        sb = StrBuilder()
        item_repr(ITEM_OBJ, a, addr_of(sb))
        sb_append_byte(addr_of(sb), u8(32))
        item_str(ITEM_OBJ, a, addr_of(sb))
        result_str(sb_finish(addr_of(sb)))
    elif op == 54:
        result_list(str_tuple3(str_from_i64(i64(item_eq(ITEM_OBJ, a, b))),
                               str_from_i64(i64(item_lt(ITEM_OBJ, a, b))),
                               str_from_i64(i64(item_hash(ITEM_OBJ, a) == str_hash(a)))),
                    u8(84))
    elif op == 55:
        result_str(str_title(a))
    elif op == 56:
        result_str(str_capitalize(a))
    elif op == 57:
        result_str(str_swapcase(a))
    elif op == 58:
        result_str(str_casefold(a))
    elif op == 60:
        result_bytes(bytes_encode(a))
    elif op == 61:
        result_str(bytes_decode(a))
    elif op == 62:
        result_int(bytes_len(a))
    elif op == 63:
        result_int(bytes_getitem(a, i64(b)))
    elif op == 64:
        result_bytes(bytes_slice_data(a + BYTES_DATA, bytes_len(a), int_arg(1, i64(0)),
                                      int_arg(2, i64(0)), int_arg(3, i64(1)), has(1), has(2)))
    elif op == 65:
        result_bytes(bytes_concat(a, b))
    elif op == 66:
        result_bool(bytes_eq(a, b))
    elif op == 67:
        copy = bytes_from_data(a + BYTES_DATA, u64(Ptr[BytesObject](a)[0].length))
        h = bytes_hash(a)
        ok = h == bytes_hash(copy) and h != 0 and h != u64(0xFFFFFFFFFFFFFFFF)
        obj_decref(copy)
        result_bool(ok)
    elif op == 68:
        result_str(bytes_repr(a))
    elif op == 69:
        result_str(bytes_hex_data(a + BYTES_DATA, bytes_len(a)))
    elif op == 70:
        result_bool(bytes_startswith_data(a + BYTES_DATA, bytes_len(a), b + BYTES_DATA,
                                          bytes_len(b), int_arg(2, i64(0)), int_arg(3, i64(0)),
                                          has(2), has(3), False))
    elif op == 71:
        result_int(bytes_find_data(a + BYTES_DATA, bytes_len(a), b + BYTES_DATA, bytes_len(b),
                                   int_arg(2, i64(0)), int_arg(3, i64(0)), has(2), has(3), False))
    elif op == 73:
        result_int(bytes_find_data(a + BYTES_DATA, bytes_len(a), b + BYTES_DATA, bytes_len(b),
                                   int_arg(2, i64(0)), int_arg(3, i64(0)), has(2), has(3), True))
    elif op == 74:
        result_bool(bytes_contains_data(a + BYTES_DATA, bytes_len(a), b + BYTES_DATA,
                                        bytes_len(b)))
    elif op == 75:
        result_bool(bytes_lt(a, b))
    elif op == 76:
        sb = StrBuilder()
        item_repr(ITEM_OBJ, a, addr_of(sb))
        sb_append_byte(addr_of(sb), u8(32))
        item_str(ITEM_OBJ, a, addr_of(sb))
        result_str(sb_finish(addr_of(sb)))
    elif op == 72:
        result_int(bytes_count_data(a + BYTES_DATA, bytes_len(a), b + BYTES_DATA, bytes_len(b),
                                    int_arg(2, i64(0)), int_arg(3, i64(0)), has(2), has(3)))
    else:
        print("bad op", op)


def main() -> None:
    init_object()
    init()
    init_split()
    init_bytes()
    ops = KindOps()
    ops.clear = func_addr(test_list_clear)
    register_kind(u32(2), addr_of(ops))
    ops.clear = func_addr(test_tuple_clear)
    register_kind(u32(3), addr_of(ops))
    live = obj_stats().live
    n = u64(0)
    while True:
        got = read(0, Ptr[u8](addr_of(data).addr + n), INPUT_SIZE - i64(n))
        if got <= 0:
            break
        n += u64(got)
    p = addr_of(data)
    at = u64(0)
    while at < n:
        op = p[at]
        argc = u64(p[at + 1])
        at += 2
        for i in range(u64(16)):
            args[i] = u64(0)
            tags[i] = u8(110)
        for i in range(argc):
            tag = p[at]
            tags[i] = tag
            at += 1
            if tag == 115 or tag == 98:
                size = le(p, at, u64(4))
                at += 4
                if tag == 115:
                    args[i] = str_from_utf8(p.addr + at, size)
                else:
                    args[i] = bytes_from_data(p.addr + at, size)
                at += size
            elif tag == 105:
                args[i] = le(p, at, u64(8))
                at += 8
            else:
                args[i] = u64(0)
        run(op, argc)
        for i in range(argc):
            if tags[i] == 115 or tags[i] == 98:
                obj_decref(args[i])
    print("live", obj_stats().live - live)


if __name__ == "__main__":
    main()
