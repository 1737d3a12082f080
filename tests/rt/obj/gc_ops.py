"""An operation interpreter for the cycle collector: random programs of
node operations, with automatic collections at a small threshold, so that
collections run inside `obj_new` between any two operations.

Standard input: one byte, the threshold (0: no automatic collections),
then operations of three bytes each, `op x y`, on 16 variables (x and y
taken modulo 16):

    0  x y   x = a new Node (y ignored)
    1  x y   x.a = y   (x a Node; None if y holds nothing)
    2  x y   x.b = y
    3  x y   x = y     (another reference, or nothing)
    4  x y   del x     (x holds nothing afterwards)
    5  x y   print what gc_collect() finds and the live Nodes

Setting a field of a variable that holds nothing does nothing.  At the end every
variable is dropped and the collector runs once more; the program prints
what it found, the automatic collections, and the live objects and bytes
relative to the start.
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, u8, u64
from pythos.rt.alloc import obj_stats
from pythos.rt.obj.gc import gc_collect, gc_set_threshold, gc_stats
from pythos.rt.obj.gc import init as init_gc
from pythos.rt.obj.object import init_object, obj_decref
from pythos.syscalls import read
from tests.rt.obj.gc_nodes import init_nodes, new_node, set_a, set_b

VARIABLES: Final = 16
INPUT: Final = 1 + 3 * 1000

data = Array[u8, 3001]()
variables = Array[u64, 16]()


def read_input() -> int:
    total = 0
    while total < INPUT:
        got = read(0, Ptr[u8](addr_of(data).addr + u64(total)), INPUT - total)
        if got <= 0:
            break
        total += got
    return total


def assign(x: int, obj: u64) -> None:
    """variables[x] = obj, taking over the caller's reference."""
    old = variables[x]
    variables[x] = obj
    if old != 0:
        obj_decref(old)


def main() -> None:
    init_object()
    init_gc()
    init_nodes()
    base_live = obj_stats().live
    base_bytes = obj_stats().in_use
    got = read_input()
    if got < 1:
        print("no input")
        return
    gc_set_threshold(u64(data[0]))
    automatic = gc_stats().automatic
    for step in range((got - 1) // 3):
        op = int(data[1 + 3 * step])
        x = int(data[2 + 3 * step]) % VARIABLES
        y = int(data[3 + 3 * step]) % VARIABLES
        if op == 0:
            assign(x, new_node())
        elif op == 3:
            if variables[y] != 0:
                Ptr[u64](variables[y])[0] += 1
            assign(x, variables[y])
        elif op == 4:
            assign(x, u64(0))
        elif op == 5:
            found = gc_collect()
            print("collect", found, obj_stats().live - base_live)
        elif variables[x] == 0:
            pass
        elif op == 1:
            set_a(variables[x], variables[y])
        elif op == 2:
            set_b(variables[x], variables[y])
    for x in range(VARIABLES):
        assign(x, u64(0))
    found = gc_collect()
    print("end", found, gc_stats().automatic - automatic, obj_stats().live - base_live,
          obj_stats().in_use - base_bytes)


if __name__ == "__main__":
    main()
