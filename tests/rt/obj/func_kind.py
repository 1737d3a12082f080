"""The function and cell kinds (pythos/rt/obj/func.py) on their own,
built by hand as the compiler builds them: a closure whose slot holds a
cell that holds the closure (a nested function that calls itself) is
freed by the collector and not before; a bound method's slot keeps its
receiver; an integer cell is not tracked.  Prints the allocator's live
counts along the way."""

from pythos.lang import Ptr, u64
from pythos.rt.alloc import obj_stats
from pythos.rt.obj.func import (
    CELL_VALUE,
    FUNC_SLOTS,
    FuncObject,
    cell_new,
    func_new,
    func_size,
)
from pythos.rt.obj.gc import gc_collect, gc_is_tracked
from pythos.rt.obj.object import obj_decref, obj_incref, str_from_ascii
from pythos.rt.obj.runtime import init_all


def store(addr: u64, value: u64) -> None:
    """A slot store as the compiler makes it: the slot takes a reference."""
    obj_incref(value)
    Ptr[u64](addr)[0] = value


def main() -> None:
    init_all()
    name = str_from_ascii(b"inner")  # (the compiler's names are static strs)
    base = obj_stats().live
    # A recursive closure: closure -> cell -> closure.
    cell = cell_new(True)
    closure = func_new(u64(0x1234), 1, name, False)
    store(closure + FUNC_SLOTS, cell)
    store(cell + CELL_VALUE, closure)
    print(obj_stats().live - base, func_size(closure), Ptr[FuncObject](closure)[0].count,
          gc_is_tracked(closure), gc_is_tracked(cell))
    obj_decref(cell)
    obj_decref(closure)
    print(obj_stats().live - base)  # the cycle keeps both alive
    gc_collect()
    print(obj_stats().live - base)
    # A bound method keeps its receiver (here a str) alive.
    receiver = str_from_ascii(b"receiver")
    bound = func_new(u64(0x5678), 1, name, True)
    store(bound + FUNC_SLOTS, receiver)
    obj_decref(receiver)
    print(obj_stats().live - base)
    obj_decref(bound)
    print(obj_stats().live - base)
    # An integer cell holds no reference and is not tracked.
    counter = cell_new(False)
    Ptr[u64](counter + CELL_VALUE)[0] = u64(41)
    print(gc_is_tracked(counter), Ptr[u64](counter + CELL_VALUE)[0] + 1)
    obj_decref(counter)
    print(obj_stats().live - base)
    obj_decref(name)


if __name__ == "__main__":
    main()
