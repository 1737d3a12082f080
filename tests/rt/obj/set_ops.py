"""An op interpreter for sets: reads a script from standard input, runs it
on two sets, A and B, and prints what CPython prints for the same script
(tests/rt/test_obj_set.py holds the reference and the generator).

Input: a mode byte, then records of an op byte and an 8-byte integer.
Mode 0 is set[int], the integer the key; mode 1 is set[str], the key the
integer's decimal text (object keys, for the reference counts).  The last
line is the change in live objects: 0."""

from dictset_io import more, need_str, next_i64, next_u8, read_input, report_error, show_builder

from pythos.lang import Array, addr_of, i64, u8, u64
from pythos.rt.alloc import obj_stats
from pythos.rt.obj.box import init as init_box
from pythos.rt.obj.items import item_repr, sb_append_i64
from pythos.rt.obj.object import (
    ITEM_I64,
    ITEM_OBJ,
    KIND_SET,
    StrBuilder,
    TypeInfo,
    init_object,
    item_decref,
    obj_decref,
    sb_finish,
)
from pythos.rt.obj.set import (
    SET_SIZE,
    SetIter,
    init,
    set_add,
    set_clear,
    set_contains,
    set_copy,
    set_difference,
    set_difference_update,
    set_discard,
    set_eq,
    set_from_constants,
    set_from_items,
    set_ge,
    set_gt,
    set_intersection,
    set_intersection_update,
    set_isdisjoint,
    set_issubset,
    set_issuperset,
    set_iter_start,
    set_le,
    set_len,
    set_lt,
    set_new,
    set_next,
    set_pop,
    set_remove,
    set_repr,
    set_symmetric_difference,
    set_symmetric_difference_update,
    set_table_size,
    set_union,
    set_update,
)

SET_TYPE = TypeInfo()
mode = u8(0)
# A and B, the sets the script works on.
sets = Array[u64, 2]()
out = Array[u64, 1]()


def show_set(s: u64) -> None:
    sb = StrBuilder()
    set_repr(s, addr_of(sb).addr)
    show_builder(addr_of(sb))


def show_and_drop(s: u64) -> None:
    show_set(s)
    obj_decref(s)


def show_key(key: u64) -> None:
    """print(repr(key)), and drop the reference the caller was given."""
    sb = StrBuilder()
    item_repr(SET_TYPE.item, key, addr_of(sb))
    show_builder(addr_of(sb))
    item_decref(SET_TYPE.item, key)


def make_key(v: i64) -> u64:
    """The key for integer `v` (a new reference, for a str)."""
    if mode == 0:
        return u64(v)
    sb = StrBuilder()
    sb_append_i64(addr_of(sb), v)
    return sb_finish(addr_of(sb))


def iterate(s: u64, it: SetIter) -> None:
    """Print the rest of a `for` over `s`, one key a line, and the error
    that ends it, if any."""
    while set_next(s, addr_of(it).addr, addr_of(out[0]).addr):
        show_key(out[0])
    report_error()


def replace_a(s: u64) -> None:
    obj_decref(sets[0])
    sets[0] = s


def run(op: u8, key: u64, v: i64) -> None:
    a = sets[0]
    b = sets[1]
    if op == 0:
        set_add(a, key)
    elif op == 1:
        set_add(b, key)
    elif op == 2:
        set_discard(a, key)
    elif op == 3:
        set_remove(a, key)
    elif op == 4:
        got = set_pop(a)
        if not report_error():
            show_key(got)
    elif op == 5:
        print(set_contains(a, key), set_contains(b, key))
    elif op == 6:
        print(set_len(a), set_len(b))
    elif op == 7:
        show_set(a)
    elif op == 8:
        show_set(b)
    elif op == 9:
        it = SetIter()
        set_iter_start(a, addr_of(it).addr)
        iterate(a, it)
    elif op == 10:
        show_and_drop(set_union(a, b))
    elif op == 11:
        show_and_drop(set_intersection(a, b))
    elif op == 12:
        show_and_drop(set_difference(a, b))
    elif op == 13:
        show_and_drop(set_symmetric_difference(a, b))
    elif op == 14:
        sets[0] = b
        sets[1] = a
    elif op == 15:
        set_update(a, b)
    elif op == 16:
        set_intersection_update(a, b)
    elif op == 17:
        set_difference_update(a, b)
    elif op == 18:
        set_symmetric_difference_update(a, b)
    elif op == 19:
        print(set_le(a, b), set_lt(a, b), set_ge(a, b), set_gt(a, b), set_eq(a, b) != 0,
              set_issubset(a, b), set_issuperset(a, b), set_isdisjoint(a, b))
    elif op == 20:
        set_clear(a)
    elif op == 21:
        c = set_copy(a)
        show_set(c)
        print(set_eq(c, a) != 0)
        obj_decref(c)
    elif op == 22:
        replace_a(set_copy(a))
    elif op == 23:
        it = SetIter()
        set_iter_start(a, addr_of(it).addr)
        if not set_next(a, addr_of(it).addr, addr_of(out[0]).addr):
            print("empty")
            return
        show_key(out[0])
        set_add(a, key)
        iterate(a, it)
    elif op == 24:
        show_and_drop(set_union(a, a))
        show_and_drop(set_intersection(a, a))
        show_and_drop(set_difference(a, a))
        show_and_drop(set_symmetric_difference(a, a))
        print(set_isdisjoint(a, a), set_lt(a, a), set_le(a, a))
    elif op == 25:
        items = Array[u64, 4]()
        items[0] = key
        items[1] = make_key(v + 1)
        items[2] = make_key(v - 1)
        items[3] = key
        replace_a(set_from_items(set_type(), addr_of(items[0]).addr, i64(4)))
        item_decref(SET_TYPE.item, items[1])
        item_decref(SET_TYPE.item, items[2])
    elif op == 26:
        set_difference_update(a, a)
        set_symmetric_difference_update(b, b)
        set_update(a, a)
        set_intersection_update(a, a)
    elif op == 28:
        consts = Array[u64, 6]()
        consts[0] = key
        consts[1] = make_key(v + 16)
        consts[2] = make_key(v - 1)
        consts[3] = make_key(v + 32)
        consts[4] = make_key(v + 7)
        consts[5] = make_key(v * 3)
        replace_a(set_from_constants(set_type(), addr_of(consts[0]).addr, i64(6)))
        for i in range(1, 6):
            item_decref(SET_TYPE.item, consts[i])
    elif op == 27:
        print(set_table_size(a), set_table_size(b))
    else:
        print("bad op", op)


def set_type() -> u64:
    return addr_of(SET_TYPE).addr


def main() -> None:
    global mode
    init_object()
    init_box()  # a KeyError of an integer key boxes it (its message is the key)
    init()
    need_str()
    read_input()
    live = obj_stats().live
    mode = next_u8()
    SET_TYPE.kind = KIND_SET
    SET_TYPE.size = SET_SIZE
    SET_TYPE.item = ITEM_I64 if mode == 0 else ITEM_OBJ
    sets[0] = set_new(addr_of(SET_TYPE).addr)
    sets[1] = set_new(addr_of(SET_TYPE).addr)
    while more():
        op = next_u8()
        v = next_i64()
        key = make_key(v)
        run(op, key, v)
        report_error()
        item_decref(SET_TYPE.item, key)
    obj_decref(sets[0])
    obj_decref(sets[1])
    print(obj_stats().live - live)


if __name__ == "__main__":
    main()
