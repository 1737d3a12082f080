"""An op interpreter for dict: reads a script from standard input, runs it
on one dict and prints what CPython prints for the same script
(tests/rt/test_obj_dict.py holds the reference and the generator).

Input: a mode byte, then records of an op byte, a key and a value (an
8-byte integer).  Mode 0 is dict[int, int], 1 dict[str, int] (a key is a
length byte and UTF-8), 2 dict[int, str] (the value is the integer's
decimal text).  The last line is the change in live objects: 0."""

from dictset_io import (
    append_text,
    more,
    need_str,
    next_bytes,
    next_i64,
    next_u8,
    read_input,
    report_error,
    show_builder,
)

from pythos.lang import Array, addr_of, func_addr, i64, u8, u32, u64
from pythos.rt.alloc import obj_stats
from pythos.rt.obj.box import init as init_box
from pythos.rt.obj.dict import (
    DICT_SIZE,
    DictIter,
    dict_clear,
    dict_contains,
    dict_copy,
    dict_delitem,
    dict_eq,
    dict_from_items,
    dict_get,
    dict_getitem,
    dict_iter_start,
    dict_len,
    dict_lookup,
    dict_new,
    dict_next,
    dict_pop,
    dict_popitem,
    dict_repr,
    dict_setdefault,
    dict_setitem,
    dict_table_size,
    dict_traverse,
    dict_update,
    init,
)
from pythos.rt.obj.items import item_repr, sb_append_i64
from pythos.rt.obj.object import (
    ITEM_I64,
    ITEM_OBJ,
    KIND_DICT,
    StrBuilder,
    TypeInfo,
    init_object,
    item_decref,
    obj_decref,
    sb_append_byte,
    sb_finish,
    str_from_utf8,
)

DICT_TYPE = TypeInfo()
mode = u8(0)
# Where dict_next and dict_popitem write a key and a value.
out = Array[u64, 2]()


def key_kind() -> u32:
    return DICT_TYPE.item


def value_kind() -> u32:
    return DICT_TYPE.item2


def read_key() -> u64:
    """The next key (a new reference, for a str)."""
    if mode != 1:
        return u64(next_i64())
    n = i64(next_u8())
    return str_from_utf8(next_bytes(n), u64(n))


def make_value(v: i64) -> u64:
    """The value for integer `v` (a new reference, for a str)."""
    if mode != 2:
        return u64(v)
    sb = StrBuilder()
    sb_append_i64(addr_of(sb), v)
    return sb_finish(addr_of(sb))


def show(kind: u32, value: u64) -> None:
    """print(repr(value))"""
    sb = StrBuilder()
    item_repr(kind, value, addr_of(sb))
    show_builder(addr_of(sb))


def show_pair(prefix: bytes, key: u64, value: u64) -> None:
    """print(prefix, repr(key), repr(value))"""
    sb = StrBuilder()
    append_text(addr_of(sb), prefix)
    item_repr(key_kind(), key, addr_of(sb))
    sb_append_byte(addr_of(sb), u8(32))
    item_repr(value_kind(), value, addr_of(sb))
    show_builder(addr_of(sb))


def show_dict(d: u64) -> None:
    sb = StrBuilder()
    dict_repr(d, addr_of(sb).addr)
    show_builder(addr_of(sb))


def drop(kind: u32, value: u64) -> None:
    item_decref(kind, value)


visited = Array[u64, 1]()


def count_visit(child: u64, arg: u64) -> u64:
    """A cycle collector's visitor, counting what dict_traverse shows it."""
    if arg == 7 and child != 0:
        visited[0] += 1
    return u64(0)


def iterate(d: u64, it: DictIter, keys_only: bool) -> None:
    """Print the rest of a `for` over `d`, one line an item, and the
    error that ends it, if any."""
    while True:
        if keys_only:
            found = dict_next(d, addr_of(it).addr, addr_of(out[0]).addr, u64(0))
        else:
            found = dict_next(d, addr_of(it).addr, addr_of(out[0]).addr, addr_of(out[1]).addr)
        if not found:
            break
        k = out[0]
        v = out[1]
        if keys_only:
            show(key_kind(), k)
        else:
            show_pair(b"item ", k, v)
            drop(value_kind(), v)
        drop(key_kind(), k)
    report_error()


def run(op: u8, d: u64, key: u64, value: u64, v: i64) -> None:
    if op == 0:
        dict_setitem(d, key, value)
    elif op == 1:
        got = dict_getitem(d, key)
        if not report_error():
            show(value_kind(), got)
            drop(value_kind(), got)
    elif op == 2:
        dict_delitem(d, key)
    elif op == 3:
        print(dict_contains(d, key))
    elif op == 4 or op == 5:
        got = dict_pop(d, key, value, op == 5)
        if not report_error():
            show(value_kind(), got)
            drop(value_kind(), got)
    elif op == 6:
        dict_popitem(d, addr_of(out[0]).addr, addr_of(out[1]).addr)
        if not report_error():
            k2 = out[0]
            v2 = out[1]
            show_pair(b"", k2, v2)
            drop(key_kind(), k2)
            drop(value_kind(), v2)
    elif op == 7:
        got = dict_setdefault(d, key, value)
        show(value_kind(), got)
        drop(value_kind(), got)
    elif op == 8:
        got = dict_get(d, key, value, True)
        show(value_kind(), got)
        drop(value_kind(), got)
    elif op == 9:
        if dict_lookup(d, key, addr_of(out[1]).addr):
            show(value_kind(), out[1])
            drop(value_kind(), out[1])
        else:
            print("None")
    elif op == 10:
        print(dict_len(d))
    elif op == 11:
        show_dict(d)
    elif op == 12:
        it = DictIter()
        dict_iter_start(d, addr_of(it).addr)
        iterate(d, it, True)
        dict_iter_start(d, addr_of(it).addr)
        iterate(d, it, False)
    elif op == 13:
        c = dict_copy(d)
        show_dict(c)
        print(dict_table_size(c))
        print(dict_eq(c, d) != 0, dict_eq(d, c) != 0)
        dict_setitem(c, key, value)
        print(dict_eq(c, d) != 0)
        obj_decref(c)
    elif op == 14:
        dict_clear(d)
    elif op == 15:
        other_value = make_value(v + 1)
        pairs = Array[u64, 4]()
        pairs[0] = key
        pairs[1] = value
        pairs[2] = key
        pairs[3] = other_value
        o = dict_from_items(addr_of(DICT_TYPE).addr, addr_of(pairs[0]).addr, i64(2))
        drop(value_kind(), other_value)
        show_dict(o)
        print(dict_eq(o, d) != 0)
        dict_update(d, o)
        dict_update(d, d)
        obj_decref(o)
    elif op == 16 or op == 17:
        it = DictIter()
        dict_iter_start(d, addr_of(it).addr)
        if not dict_next(d, addr_of(it).addr, addr_of(out[0]).addr, u64(0)):
            print("empty")
            return
        k2 = out[0]
        show(key_kind(), k2)
        if op == 16:
            dict_setitem(d, key, value)
        else:
            dict_delitem(d, k2)
            dict_setitem(d, k2, value)
        drop(key_kind(), k2)
        iterate(d, it, True)
    elif op == 18:
        print(dict_table_size(d))
    elif op == 19:
        visited[0] = u64(0)
        dict_traverse(d, func_addr(count_visit), u64(7))
        print(visited[0])
    else:
        print("bad op", op)


def main() -> None:
    global mode
    init_object()
    init_box()  # a KeyError of an integer key boxes it (its message is the key)
    init()
    need_str()
    read_input()
    live = obj_stats().live
    mode = next_u8()
    DICT_TYPE.kind = KIND_DICT
    DICT_TYPE.size = DICT_SIZE
    DICT_TYPE.item = ITEM_OBJ if mode == 1 else ITEM_I64
    DICT_TYPE.item2 = ITEM_OBJ if mode == 2 else ITEM_I64
    d = dict_new(addr_of(DICT_TYPE).addr, i64(0))
    while more():
        op = next_u8()
        key = read_key()
        v = next_i64()
        value = make_value(v)
        run(op, d, key, value, v)
        report_error()
        drop(key_kind(), key)
        drop(value_kind(), value)
    obj_decref(d)
    print(obj_stats().live - live)


if __name__ == "__main__":
    main()
