"""Lists of objects: `[[0] * 3] * 3` shares one inner list, a list that
contains itself prints `[...]`, a tuple met again inside its own repr
prints `(...)`, nested lists compare and sort by their items.  The
cycles are broken by hand (no collector here) and the live count ends
at 0."""

from pythos.lang import Array, Ptr, addr_of, func_addr, i64, u8, u32, u64
from pythos.rt.alloc import obj_stats
from pythos.rt.core import write_byte
from pythos.rt.obj.box import BOX_INT_TYPE, box_new
from pythos.rt.obj.items import obj_repr
from pythos.rt.obj.list import (
    list_append,
    list_clear,
    list_contains,
    list_copy,
    list_eq,
    list_from_items,
    list_get,
    list_imul,
    list_index,
    list_item,
    list_len,
    list_lt,
    list_new,
    list_repeat,
    list_set,
    list_traverse,
)
from pythos.rt.obj.listsort import list_sort
from pythos.rt.obj.object import (
    ITEM_BOOL,
    ITEM_I64,
    ITEM_NONE,
    ITEM_OBJ,
    ITEM_OPT,
    KIND_LIST,
    KIND_TUPLE,
    TRACKED,
    StrBuilder,
    TypeInfo,
    error,
    obj_decref,
    obj_error_clear,
    sb_free,
)
from pythos.rt.obj.runtime import init_all
from pythos.rt.obj.tuple import tuple_from_items, tuple_traverse

OBJ_LIST = TypeInfo()
BOOL_LIST = TypeInfo()
NONE_LIST = TypeInfo()
OPT_LIST = TypeInfo()
INT_LIST = TypeInfo()
PAIR = TypeInfo()
pair_fields = Array[u32, 2]()
slots = Array[u64, 4]()


def show(obj: u64) -> None:
    sb = StrBuilder()
    obj_repr(obj, addr_of(sb))
    p = Ptr[u8](sb.data)
    for i in range(sb.nbytes):
        write_byte(p[i])
    write_byte(u8(10))
    sb_free(addr_of(sb))


def ints(a: u64, b: u64, n: i64) -> u64:
    """A list[int] of the first n of a, b."""
    slots[0] = a
    slots[1] = b
    return list_from_items(addr_of(INT_LIST).addr, addr_of(slots).addr, n)


visited = u64(0)


def count_visit(obj: u64, arg: u64) -> u64:
    global visited
    visited += arg
    return u64(0)


def list_of(ti: u64, a: u64, b: u64) -> u64:
    slots[0] = a
    slots[1] = b
    return list_from_items(ti, addr_of(slots).addr, i64(2))


def small_kinds() -> None:
    """[True, False], [None, None], [1, None] (an `int | None` list of
    boxes), `None in` that, and the objects the collector would visit in
    it and in a tuple holding it."""
    bools = list_of(addr_of(BOOL_LIST).addr, u64(1), u64(0))
    nones = list_of(addr_of(NONE_LIST).addr, u64(0), u64(0))
    one = box_new(addr_of(BOX_INT_TYPE).addr, u64(1))
    maybe = list_of(addr_of(OPT_LIST).addr, one, u64(0))
    obj_decref(one)
    show(bools)
    show(nones)
    show(maybe)
    slots[0] = maybe
    slots[1] = u64(3)
    holder = tuple_from_items(addr_of(PAIR).addr, addr_of(slots).addr, i64(2))
    list_traverse(maybe, func_addr(count_visit), u64(1))
    tuple_traverse(holder, func_addr(count_visit), u64(10))
    list_traverse(bools, func_addr(count_visit), u64(100))
    print(list_contains(maybe, u64(0)), list_contains(bools, u64(1)),
          list_index(nones, u64(0), i64(1), i64(9)), visited)
    obj_decref(bools)
    obj_decref(nones)
    obj_decref(maybe)
    obj_decref(holder)


def too_big() -> None:
    """[0, 0] * 2**50 and l *= 2**50: MemoryError, with l unchanged."""
    pair = ints(u64(0), u64(0), i64(2))
    repeated = list_repeat(pair, i64(1) << 50)
    kind = error.kind
    obj_error_clear()
    list_imul(pair, i64(1) << 50)
    print(kind, error.kind, repeated, list_len(pair))
    obj_error_clear()
    huge = list_new(addr_of(INT_LIST).addr, i64(1) << 50)
    print(error.kind, list_len(huge))
    obj_error_clear()
    obj_decref(huge)
    obj_decref(pair)


def main() -> None:
    init_all()
    OBJ_LIST.kind = KIND_LIST
    OBJ_LIST.size = u64(40)
    OBJ_LIST.item = ITEM_OBJ
    OBJ_LIST.flags = TRACKED
    INT_LIST.kind = KIND_LIST
    INT_LIST.size = u64(40)
    INT_LIST.item = ITEM_I64
    BOOL_LIST.kind = KIND_LIST
    BOOL_LIST.item = ITEM_BOOL
    NONE_LIST.kind = KIND_LIST
    NONE_LIST.item = ITEM_NONE
    OPT_LIST.kind = KIND_LIST
    OPT_LIST.item = ITEM_OPT
    pair_fields[0] = ITEM_OBJ
    pair_fields[1] = ITEM_I64
    PAIR.kind = KIND_TUPLE
    PAIR.size = u64(24)
    PAIR.fields = addr_of(pair_fields).addr
    PAIR.nfields = u64(2)
    live = obj_stats().live

    # grid = [[0] * 3] * 3; grid[0][1] = 5
    zero = ints(u64(0), u64(0), i64(1))
    row = list_repeat(zero, i64(3))
    slots[0] = row
    one_row = list_from_items(addr_of(OBJ_LIST).addr, addr_of(slots).addr, i64(1))
    grid = list_repeat(one_row, i64(3))
    first = list_get(grid, i64(0))
    list_set(first, i64(1), u64(5))
    show(grid)
    obj_decref(zero)
    obj_decref(row)
    obj_decref(one_row)
    obj_decref(grid)
    obj_decref(first)

    # looped = [1, 2]; looped.append(looped)
    looped = list_new(addr_of(OBJ_LIST).addr, i64(0))
    for v in range(1, 3):
        b = box_new(addr_of(BOX_INT_TYPE).addr, u64(v))
        list_append(looped, b)
        obj_decref(b)
    list_append(looped, looped)
    show(looped)
    list_clear(looped)
    obj_decref(looped)

    # inner = []; pair = (inner, 7); inner.append(pair)
    inner = list_new(addr_of(OBJ_LIST).addr, i64(0))
    slots[0] = inner
    slots[1] = u64(7)
    pair = tuple_from_items(addr_of(PAIR).addr, addr_of(slots).addr, i64(2))
    list_append(inner, pair)
    show(pair)
    list_clear(inner)
    obj_decref(inner)
    obj_decref(pair)

    # nested = [[1, 2], [], [3]]
    a = ints(u64(1), u64(2), i64(2))
    b2 = ints(u64(0), u64(0), i64(0))
    c = ints(u64(3), u64(0), i64(1))
    slots[0] = a
    slots[1] = b2
    slots[2] = c
    nested = list_from_items(addr_of(OBJ_LIST).addr, addr_of(slots).addr, i64(3))
    twin = list_copy(nested)
    for i in range(i64(3)):
        inner_copy = list_copy(list_item(nested, i))
        list_set(twin, i, inner_copy)
        obj_decref(inner_copy)
    z = ints(u64(0), u64(0), i64(1))
    slots[0] = a
    slots[1] = z
    other = list_from_items(addr_of(OBJ_LIST).addr, addr_of(slots).addr, i64(2))
    print(list_eq(nested, twin), list_lt(nested, other))
    ordered = list_copy(nested)
    list_sort(ordered, False)
    show(ordered)
    obj_decref(a)
    obj_decref(b2)
    obj_decref(c)
    obj_decref(nested)
    obj_decref(twin)
    obj_decref(z)
    obj_decref(other)
    obj_decref(ordered)
    small_kinds()
    too_big()
    print("live", obj_stats().live - live)


if __name__ == "__main__":
    main()
