"""Big lists on a small stack (the test runs this with a 256 KiB stack).

A million boxes in one list (none of them a shared small int), and a
chain of a million lists each holding the next, are made and dropped:
each prints its live-object count, then 0 after the drop, which must not
recurse.  Then a key sort of 200,000 integers by a key with many ties
prints a checksum of the order, which only a stable sort gets right."""

from pythos.lang import addr_of, func_addr, i64, u64
from pythos.rt.alloc import obj_stats
from pythos.rt.obj.box import BOX_INT_TYPE, box_new
from pythos.rt.obj.list import list_append, list_item, list_len, list_new
from pythos.rt.obj.listsort import list_sort_key
from pythos.rt.obj.object import ITEM_I64, ITEM_OBJ, KIND_LIST, TypeInfo, obj_decref
from pythos.rt.obj.runtime import init_all

OBJ_LIST = TypeInfo()
INT_LIST = TypeInfo()


def key(item: u64, arg: u64) -> u64:
    return u64((i64(item) * 7919) % 1000)


def main() -> None:
    init_all()
    OBJ_LIST.kind = KIND_LIST
    OBJ_LIST.size = u64(40)
    OBJ_LIST.item = ITEM_OBJ
    INT_LIST.kind = KIND_LIST
    INT_LIST.size = u64(40)
    INT_LIST.item = ITEM_I64
    live = obj_stats().live
    boxes = list_new(addr_of(OBJ_LIST).addr, i64(0))
    for i in range(1_000_000):
        b = box_new(addr_of(BOX_INT_TYPE).addr, u64(i + 1000))
        list_append(boxes, b)
        obj_decref(b)
    print(obj_stats().live - live)
    obj_decref(boxes)
    print("live", obj_stats().live - live)
    head = list_new(addr_of(OBJ_LIST).addr, i64(0))
    for _ in range(1_000_000):
        outer = list_new(addr_of(OBJ_LIST).addr, i64(1))
        list_append(outer, head)
        obj_decref(head)
        head = outer
    print(obj_stats().live - live)
    obj_decref(head)
    print("live", obj_stats().live - live)
    numbers = list_new(addr_of(INT_LIST).addr, i64(0))
    for i in range(200_000):
        list_append(numbers, u64(i))
    list_sort_key(numbers, func_addr(key), u64(0), ITEM_I64, False)
    checksum = u64(0)
    for i in range(list_len(numbers)):
        checksum = (checksum + u64(i) * list_item(numbers, i)) % u64((1 << 61) - 1)
    print(checksum)
    obj_decref(numbers)
    print("live", obj_stats().live - live)


if __name__ == "__main__":
    main()
