"""Tuples against CPython, for tests/rt/test_obj_tuple.py.

Standard input: a mode byte, two tuples (a count, then one byte per
item), index queries, slices (four bytes each: start, stop, step,
flags), probe values and repeat counts (each a count, then the bytes).  Mode 0 makes
`tuple[int, ...]` of large integers, mode 1 tuples of int boxes, mode 2
a `tuple[int, ...]` and a `tuple[u8, ...]` (items of different kinds).
The program prints the tuples' reprs, hashes and comparisons, their
concatenation, each index, slice and probe, then fixed tuples whose
hash CPython knows (`hash((1, 2))`, nested and mixed tuples), and the
change in live objects (0).
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, i8, i64, u8, u32, u64
from pythos.rt.alloc import obj_stats
from pythos.rt.core import write_byte
from pythos.rt.obj.box import BOX_BOOL_TYPE, BOX_INT_TYPE, box_new
from pythos.rt.obj.items import item_repr, obj_repr
from pythos.rt.obj.list import list_extend, list_new
from pythos.rt.obj.object import (
    ERR_NONE,
    ITEM_BOOL,
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
    sb_free,
)
from pythos.rt.obj.runtime import init_all
from pythos.rt.obj.tuple import (
    tuple_concat,
    tuple_contains,
    tuple_count,
    tuple_eq,
    tuple_from_items,
    tuple_from_seq,
    tuple_get,
    tuple_hash,
    tuple_index,
    tuple_le,
    tuple_len,
    tuple_lt,
    tuple_new,
    tuple_repeat,
    tuple_slice,
)
from pythos.syscalls import read

data = Array[u8, 4096]()
slots = Array[u64, 256]()
I64_MAX: Final = i64(0x7FFFFFFFFFFFFFFF)
FIRST = TypeInfo()
LIST = TypeInfo()
SECOND = TypeInfo()
MIXED = TypeInfo()
PAIR = TypeInfo()
mixed_fields = Array[u32, 4]()
pos = u64(0)


def next_byte() -> u8:
    global pos
    b = data[pos]
    pos += 1
    return b


def value_of(kind: u32, b: u8, big: bool) -> u64:
    if kind == ITEM_U8:
        return u64(b)
    if kind == ITEM_OBJ:
        return box_new(addr_of(BOX_INT_TYPE).addr, u64(i64(i8(b))))
    if big:
        return u64(i64(i8(b)) * i64(36028797018963969))
    return u64(i64(i8(b)))


def read_tuple(ti: u64, big: bool) -> u64:
    kind = Ptr[TypeInfo](ti)[0].item
    n = i64(next_byte())
    for i in range(n):
        slots[i] = value_of(kind, next_byte(), big)
    t = tuple_from_items(ti, addr_of(slots).addr, n)
    for i in range(n):
        item_decref(kind, slots[i])
    return t


def show_builder(sb: Ptr[StrBuilder]) -> None:
    p = Ptr[u8](sb[0].data)
    for i in range(sb[0].nbytes):
        write_byte(p[i])
    sb_free(sb)


def show(obj: u64) -> None:
    sb = StrBuilder()
    obj_repr(obj, addr_of(sb))
    show_builder(addr_of(sb))
    write_byte(u8(10))


def report() -> bool:
    if error.kind == ERR_NONE:
        return False
    print("E", end="")
    print(error.kind, end=" ")
    p = Ptr[u8](error.message + STR_DATA)
    for i in range(Ptr[StrObject](error.message)[0].nbytes):
        write_byte(p[i])
    print()
    obj_error_clear()
    return True


def fixed_hashes() -> None:
    """hash((1, 2)), hash(()), hash((1, True, (2, 3), -5)) and its repr,
    and a 1-tuple's repr."""
    slots[0] = u64(1)
    slots[1] = u64(2)
    pair = tuple_from_items(addr_of(PAIR).addr, addr_of(slots).addr, i64(2))
    empty = tuple_new(addr_of(PAIR).addr, i64(0))
    one = tuple_from_items(addr_of(PAIR).addr, addr_of(slots).addr, i64(1))
    slots[0] = pair
    boxed = box_new(addr_of(BOX_BOOL_TYPE).addr, u64(1))
    slots[1] = boxed
    slots[2] = u64(0) - 5
    slots[3] = u64(1)
    mixed = tuple_from_items(addr_of(MIXED).addr, addr_of(slots).addr, i64(4))
    obj_decref(boxed)
    print(i64(tuple_hash(pair)), i64(tuple_hash(empty)), i64(tuple_hash(mixed)))
    show(mixed)
    show(one)
    show(empty)
    obj_decref(pair)
    obj_decref(empty)
    obj_decref(one)
    obj_decref(mixed)


def main() -> None:
    global pos
    init_all()
    total = u64(0)
    while True:
        got = read(0, Ptr[u8](addr_of(data).addr + total), i64(u64(4096) - total))
        if got <= 0:
            break
        total += u64(got)
    mode = data[0]
    pos = u64(1)
    FIRST.kind = KIND_TUPLE
    FIRST.size = u64(24)
    FIRST.item = ITEM_OBJ if mode == 1 else ITEM_I64
    LIST.kind = KIND_LIST
    LIST.item = FIRST.item
    SECOND.kind = KIND_TUPLE
    SECOND.size = u64(24)
    SECOND.item = ITEM_OBJ if mode == 1 else ITEM_U8 if mode == 2 else ITEM_I64
    PAIR.kind = KIND_TUPLE
    PAIR.size = u64(24)
    PAIR.item = ITEM_I64
    mixed_fields[0] = ITEM_OBJ
    mixed_fields[1] = ITEM_OBJ
    mixed_fields[2] = ITEM_I64
    mixed_fields[3] = ITEM_BOOL
    MIXED.kind = KIND_TUPLE
    MIXED.size = u64(24)
    MIXED.fields = addr_of(mixed_fields).addr
    MIXED.nfields = u64(4)
    live = obj_stats().live
    big = mode == 0
    first = read_tuple(addr_of(FIRST).addr, big)
    second = read_tuple(addr_of(SECOND).addr, big)
    show(first)
    show(second)
    print(i64(tuple_hash(first)), i64(tuple_hash(second)))
    print(tuple_eq(first, second), tuple_lt(first, second), tuple_le(first, second),
          tuple_lt(second, first), tuple_le(second, first), tuple_eq(first, first))
    both = tuple_concat(addr_of(FIRST).addr, first, second)
    show(both)
    obj_decref(both)
    empty = tuple_new(addr_of(FIRST).addr, i64(0))
    same = tuple_concat(addr_of(FIRST).addr, first, empty)
    same2 = tuple_concat(addr_of(FIRST).addr, empty, first)
    print(same == first, same2 == first)
    obj_decref(same)
    obj_decref(same2)
    obj_decref(empty)
    kind = FIRST.item
    for _ in range(next_byte()):
        v = tuple_get(first, i64(i8(next_byte())))
        if not report():
            sb = StrBuilder()
            item_repr(kind, v, addr_of(sb))
            show_builder(addr_of(sb))
            write_byte(u8(10))
            item_decref(kind, v)
    for _ in range(next_byte()):
        a = i64(i8(next_byte()))
        b = i64(i8(next_byte()))
        c = i64(i8(next_byte()))
        flags = next_byte()
        part = tuple_slice(addr_of(FIRST).addr, first, a, b, c if (flags & 4) != 0 else i64(1),
                           (flags & 1) != 0, (flags & 2) != 0)
        if not report():
            show(part)
            print(part == first)
            obj_decref(part)
    for _ in range(next_byte()):
        v = value_of(kind, next_byte(), big)
        print(tuple_contains(first, v, kind), tuple_contains(second, v, kind),
              tuple_len(first), tuple_count(first, v, kind), tuple_count(second, v, kind),
              end=" ")
        found = tuple_index(first, v, kind, i64(1), I64_MAX)
        if not report():
            print(found)
        item_decref(kind, v)
    for _ in range(next_byte()):
        times = i64(i8(next_byte()))
        repeated = tuple_repeat(first, times)
        show(repeated)
        print(repeated == first)
        obj_decref(repeated)
    # tuple(list(first)), and tuple(first) is first
    as_list = list_new(addr_of(LIST).addr, i64(0))
    list_extend(as_list, first)
    back = tuple_from_seq(addr_of(FIRST).addr, as_list)
    same = tuple_from_seq(addr_of(FIRST).addr, first)
    print(tuple_eq(back, first), same == first)
    obj_decref(as_list)
    obj_decref(back)
    obj_decref(same)
    obj_decref(first)
    obj_decref(second)
    fixed_hashes()
    print("live", obj_stats().live - live)


if __name__ == "__main__":
    main()
