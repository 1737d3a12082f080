"""Boxes: hash, ==, < and repr of boxed ints and bools (and a boxed u64
and i8, from types made here), as CPython's int and bool give them;
which boxes are shared; the live count back at 0."""

from pythos.lang import Ptr, addr_of, i64, u8, u64
from pythos.rt.alloc import obj_stats
from pythos.rt.core import write_byte
from pythos.rt.obj.box import BOX_BOOL_TYPE, BOX_INT_TYPE, box_new
from pythos.rt.obj.items import item_eq, item_hash, item_lt, obj_repr
from pythos.rt.obj.object import (
    ITEM_I8,
    ITEM_OBJ,
    ITEM_U64,
    KIND_BOX,
    StrBuilder,
    TypeInfo,
    obj_decref,
    sb_append_byte,
    sb_free,
)
from pythos.rt.obj.runtime import init_all

U64_BOX = TypeInfo()
I8_BOX = TypeInfo()


def show(a: u64, b: u64) -> None:
    """repr(a) repr(b) hash(a) a == b a < b b < a"""
    sb = StrBuilder()
    obj_repr(a, addr_of(sb))
    sb_append_byte(addr_of(sb), u8(32))
    obj_repr(b, addr_of(sb))
    p = Ptr[u8](sb.data)
    for i in range(sb.nbytes):
        write_byte(p[i])
    sb_free(addr_of(sb))
    print("", i64(item_hash(ITEM_OBJ, a)), item_eq(ITEM_OBJ, a, b), item_lt(ITEM_OBJ, a, b),
          item_lt(ITEM_OBJ, b, a))
    obj_decref(a)
    obj_decref(b)


def same(ti: u64, value: u64) -> bool:
    """Whether two boxes of one value are one object (CPython shares the
    bools and the ints from -5 to 256)."""
    a = box_new(ti, value)
    b = box_new(ti, value)
    result = a == b
    obj_decref(a)
    obj_decref(b)
    return result


def main() -> None:
    init_all()
    U64_BOX.kind = KIND_BOX
    U64_BOX.size = u64(24)
    U64_BOX.item = ITEM_U64
    I8_BOX.kind = KIND_BOX
    I8_BOX.size = u64(24)
    I8_BOX.item = ITEM_I8
    live = obj_stats().live
    ints = addr_of(BOX_INT_TYPE).addr
    bools = addr_of(BOX_BOOL_TYPE).addr
    show(box_new(ints, u64(1)), box_new(bools, u64(1)))
    show(box_new(bools, u64(0)), box_new(ints, u64(0)))
    show(box_new(ints, u64(0) - 1), box_new(ints, u64(0) - 1))
    show(box_new(ints, u64(0) - 2), box_new(ints, u64(3)))
    show(box_new(ints, u64(1) << 62), box_new(ints, u64(0) - (u64(1) << 62)))
    show(box_new(addr_of(U64_BOX).addr, u64(0) - 1), box_new(ints, u64(0) - 1))
    show(box_new(addr_of(I8_BOX).addr, u64(0) - 128), box_new(addr_of(U64_BOX).addr, u64(5)))
    print(same(ints, u64(7)), same(ints, u64(1000)), same(ints, u64(0) - 5),
          same(ints, u64(0) - 6), same(ints, u64(256)), same(ints, u64(257)),
          same(bools, u64(1)))
    print("live", obj_stats().live - live)


if __name__ == "__main__":
    main()
