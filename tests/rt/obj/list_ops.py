"""An interpreter of list operations, for tests/rt/test_obj_list.py.

Standard input is a mode byte, then operations of six bytes each
(`op, r, a, b, c, d`) on four list registers.  The mode picks the item
type: 0 `list[int]` (multiples of 2**60 + 1, near both ends of the
range), 1 `list[u8]` (multiples of 25 that wrap), 2 a list of objects
(int boxes), 3 a list of lists (`[h]` or `[h, 0]`).
After each operation the program prints its result, then the repr of
every register; the test runs the same operations on CPython's lists
and compares the text.  At the end it drops the registers and prints the
change in live objects (0).
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, func_addr, i8, i64, u8, u32, u64
from pythos.rt.alloc import obj_stats
from pythos.rt.core import write_byte
from pythos.rt.obj.box import BOX_INT_TYPE, box_new, box_value
from pythos.rt.obj.items import item_repr
from pythos.rt.obj.list import (
    list_append,
    list_clear,
    list_concat,
    list_contains,
    list_copy,
    list_count,
    list_del,
    list_del_slice,
    list_eq,
    list_extend,
    list_get,
    list_iadd,
    list_imul,
    list_index,
    list_insert,
    list_item,
    list_le,
    list_len,
    list_lt,
    list_new,
    list_pop,
    list_remove,
    list_repeat,
    list_repr,
    list_reverse,
    list_set,
    list_set_slice,
    list_slice,
)
from pythos.rt.obj.listsort import list_sort, list_sort_key
from pythos.rt.obj.object import (
    ERR_NONE,
    ITEM_I64,
    ITEM_OBJ,
    ITEM_U8,
    KIND_LIST,
    KIND_TUPLE,
    STR_DATA,
    StrBuilder,
    StrObject,
    TypeInfo,
    error,
    item_decref,
    obj_decref,
    obj_error_clear,
    obj_incref,
    sb_free,
)
from pythos.rt.obj.runtime import init_all
from pythos.rt.obj.tuple import tuple_from_items
from pythos.syscalls import read

LIMIT: Final = 400
I64_MAX: Final = i64(0x7FFFFFFFFFFFFFFF)

data = Array[u8, 200000]()
regs = Array[u64, 4]()
LIST_TYPE = TypeInfo()
INNER_TYPE = TypeInfo()
nested = False
TUPLE_TYPE = TypeInfo()
slots = Array[u64, 1000]()


def item_kind() -> u32:
    return LIST_TYPE.item


def value_of(b: u8) -> u64:
    """The slot value byte `b` stands for, one of 12 (few, so that searches
    find things); for objects a new box (the caller drops it)."""
    small = i64(b % 12) - 6
    if LIST_TYPE.item == ITEM_U8:
        return u64(u8(b % 12) * 25)
    if nested:
        # [h] or [h, 0], h in -3..2: some values are prefixes of others.
        inner = list_new(addr_of(INNER_TYPE).addr, i64(2))
        list_append(inner, u64(i64(b % 12 % 6) - 3))
        if b % 12 >= 6:
            list_append(inner, u64(0))
        return inner
    if LIST_TYPE.item == ITEM_OBJ:
        return box_new(addr_of(BOX_INT_TYPE).addr, u64(small))
    return u64(small * i64(1152921504606846977))


def drop(value: u64) -> None:
    item_decref(LIST_TYPE.item, value)


def key_mod3(item: u64, arg: u64) -> u64:
    """A key with many ties, so that sorting by it shows whether the sort is
    stable: for objects a new box (the sort drops it).  With `arg` set, it
    also appends to the list being sorted (CPython: list modified during
    sort)."""
    if arg != 0:
        v = value_of(u8(0))
        list_append(arg, v)
        drop(v)
    if nested:
        head = list_item(item, i64(0))
        return box_new(addr_of(BOX_INT_TYPE).addr, u64(i64(head) % 3))
    if LIST_TYPE.item == ITEM_OBJ:
        return box_new(addr_of(BOX_INT_TYPE).addr, u64(i64(box_value(item)) % 3))
    if LIST_TYPE.item == ITEM_U8:
        return item % 3
    return u64(i64(item) % 3)


def write_builder(sb: Ptr[StrBuilder]) -> None:
    p = Ptr[u8](sb[0].data)
    for i in range(sb[0].nbytes):
        write_byte(p[i])


def show_str(s: u64) -> None:
    p = Ptr[u8](s + STR_DATA)
    for i in range(Ptr[StrObject](s)[0].nbytes):
        write_byte(p[i])


def show_item(value: u64) -> None:
    sb = StrBuilder()
    item_repr(LIST_TYPE.item, value, addr_of(sb))
    write_builder(addr_of(sb))
    sb_free(addr_of(sb))


def report() -> bool:
    """Print a recorded error as `E<kind> <message>`; whether there was one."""
    if error.kind == ERR_NONE:
        return False
    print("E", end="")
    print(error.kind, end=" ")
    if error.message != 0:
        show_str(error.message)
    print()
    obj_error_clear()
    return True


def show_regs() -> None:
    for r in range(4):
        if r > 0:
            print(" | ", end="")
        sb = StrBuilder()
        list_repr(regs[r], addr_of(sb).addr)
        write_builder(addr_of(sb))
        sb_free(addr_of(sb))
    print()


def set_reg(r: u64, lst: u64) -> None:
    old = regs[r]
    regs[r] = lst
    obj_decref(old)


def run_op(op: u8, r: u64, a: u8, b: u8, c: u8, d: u8) -> None:
    lst = regs[r]
    n = list_len(lst)
    other = regs[u64(a) & 3]
    code = op % 28
    if code == 0:
        v = value_of(a)
        list_append(lst, v)
        drop(v)
        print("ok")
    elif code == 1:
        if n + list_len(other) > LIMIT:
            print("skip")
            return
        list_extend(lst, other)
        print("ok")
    elif code == 2:
        v = value_of(b)
        list_insert(lst, i64(i8(a)), v)
        drop(v)
        print("ok")
    elif code == 3:
        v = list_pop(lst, i64(i8(a)))
        if not report():
            show_item(v)
            drop(v)
            print()
    elif code == 4:
        v = list_pop(lst, i64(-1))
        if not report():
            show_item(v)
            drop(v)
            print()
    elif code == 5:
        v = value_of(a)
        list_remove(lst, v)
        drop(v)
        if not report():
            print("ok")
    elif code == 6:
        v = value_of(a)
        start = i64(i8(b)) if (d & 1) != 0 else i64(0)
        stop = i64(i8(c)) if (d & 2) != 0 else I64_MAX
        found = list_index(lst, v, start, stop)
        drop(v)
        if not report():
            print(found)
    elif code == 7:
        v = value_of(a)
        print(list_count(lst, v))
        drop(v)
    elif code == 8:
        list_reverse(lst)
        print("ok")
    elif code == 9:
        list_sort(lst, (a & 1) != 0)
        print("ok")
    elif code == 10:
        key_kind = ITEM_OBJ if LIST_TYPE.item == ITEM_OBJ else ITEM_I64
        list_sort_key(lst, func_addr(key_mod3), lst if (a & 2) != 0 else u64(0), key_kind,
                      (a & 1) != 0)
        if not report():
            print("ok")
    elif code == 11:
        list_clear(lst)
        print("ok")
    elif code == 12:
        set_reg(u64(a) & 3, list_copy(lst))
        print("ok")
    elif code == 13:
        result = list_slice(lst, i64(i8(a)), i64(i8(b)), i64(i8(c)) if (d & 16) != 0 else i64(1),
                            (d & 4) != 0, (d & 8) != 0)
        if not report():
            set_reg(u64(d) & 3, result)
            print("ok")
    elif code == 14:
        source = regs[u64(d) & 3]
        if n + list_len(source) > LIMIT:
            print("skip")
            return
        list_set_slice(lst, i64(i8(a)), i64(i8(b)), i64(i8(c)) if (d & 16) != 0 else i64(1),
                       (d & 4) != 0, (d & 8) != 0, source)
        if not report():
            print("ok")
    elif code == 15:
        list_del(lst, i64(i8(a)))
        if not report():
            print("ok")
    elif code == 16:
        list_del_slice(lst, i64(i8(a)), i64(i8(b)), i64(i8(c)) if (d & 16) != 0 else i64(1),
                       (d & 4) != 0, (d & 8) != 0)
        if not report():
            print("ok")
    elif code == 17:
        if n + list_len(other) > LIMIT:
            print("skip")
            return
        set_reg(u64(d) & 3, list_concat(lst, other))
        print("ok")
    elif code == 18:
        times = i64(i8(a)) % 6 - 1
        if n * times > LIMIT:
            print("skip")
            return
        set_reg(u64(d) & 3, list_repeat(lst, times))
        print("ok")
    elif code == 19:
        if n + list_len(other) > LIMIT:
            print("skip")
            return
        list_iadd(lst, other)
        print("ok")
    elif code == 20:
        times = i64(i8(a)) % 6 - 1
        if n * times > LIMIT:
            print("skip")
            return
        list_imul(lst, times)
        print("ok")
    elif code == 21:
        v = value_of(a)
        print(list_contains(lst, v))
        drop(v)
    elif code == 22:
        print(list_eq(lst, other), list_lt(lst, other), list_le(lst, other),
              list_lt(other, lst), list_le(other, lst))
    elif code == 23:
        v = list_get(lst, i64(i8(a)))
        if not report():
            show_item(v)
            drop(v)
            print()
    elif code == 24:
        v = value_of(b)
        list_set(lst, i64(i8(a)), v)
        drop(v)
        if not report():
            print("ok")
    elif code == 25:
        print(n)
    elif code == 26:
        # extend from a tuple of the other register's items
        if n + list_len(other) > LIMIT:
            print("skip")
            return
        count = list_len(other)
        for i in range(count):
            slots[i] = list_get(other, i)
        t = tuple_from_items(addr_of(TUPLE_TYPE).addr, addr_of(slots).addr, count)
        for i in range(count):
            drop(slots[i])
        list_extend(lst, t)
        obj_decref(t)
        print("ok")
    else:
        # another name for the same list
        obj_incref(lst)
        set_reg(u64(a) & 3, lst)
        print("ok")


def main() -> None:
    init_all()
    total = u64(0)
    while True:
        got = read(0, Ptr[u8](addr_of(data).addr + total), i64(u64(200000) - total))
        if got <= 0:
            break
        total += u64(got)
    global nested
    mode = data[0]
    kind = ITEM_I64 if mode == 0 else ITEM_U8 if mode == 1 else ITEM_OBJ
    nested = mode == 3
    INNER_TYPE.kind = KIND_LIST
    INNER_TYPE.size = u64(40)
    INNER_TYPE.item = ITEM_I64
    LIST_TYPE.kind = KIND_LIST
    LIST_TYPE.size = u64(40)
    LIST_TYPE.item = kind
    TUPLE_TYPE.kind = KIND_TUPLE
    TUPLE_TYPE.size = u64(24)
    TUPLE_TYPE.item = kind
    live = obj_stats().live
    for r in range(4):
        regs[r] = list_new(addr_of(LIST_TYPE).addr, i64(0))
    pos = u64(1)
    while pos + 6 <= total:
        run_op(data[pos], u64(data[pos + 1]) & 3, data[pos + 2], data[pos + 3], data[pos + 4],
               data[pos + 5])
        show_regs()
        pos += 6
    for r in range(4):
        obj_decref(regs[r])
    print("live", obj_stats().live - live)


if __name__ == "__main__":
    main()
