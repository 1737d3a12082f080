"""What a collection costs (the table in docs/objects.md, "What it
costs").  Reads three ASCII digits from standard input: a mode and a
two-digit repeat count.

    mode 0  keep a chain of 1,000,000 Nodes alive and collect `count` times
    mode 1  `count` times: build a 1,000,000-node doubly linked list, drop
            it, do not collect (the baseline for mode 2; it leaks)
    mode 2  the same, and collect after each drop
    mode 3  `count` million times: make a Node and drop it, its type not
            TRACKED (no GcHead, no hooks)
    mode 4  the same, TRACKED: what tracking adds to an object's life

The difference between two runs is the collections' time.  Measured as

    python -m pythos compile tests/rt/obj/gc_bench.py -o /tmp/gc_bench -O2
    for input in 000 010 105 205; do
        echo $input | perf stat -e task-clock /tmp/gc_bench; done
    for input in 301 401; do
        echo $input | valgrind --tool=callgrind /tmp/gc_bench; done

a live collection costs (010 - 000) / 10, collecting a list (205 - 105) / 5,
and tracking (401 - 301) / 1,000,000 instructions per object.
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, u8, u32, u64
from pythos.rt.obj.gc import gc_collect, gc_disable
from pythos.rt.obj.gc import init as init_gc
from pythos.rt.obj.object import init_object, obj_decref, obj_new
from pythos.syscalls import read
from tests.rt.obj.gc_nodes import NODE_SIZE, NODE_TYPE, init_nodes, make_chain

NODES: Final = 1_000_000

digits = Array[u8, 4]()


def main() -> None:
    init_object()
    init_gc()
    init_nodes()
    gc_disable()
    if read(0, Ptr[u8](addr_of(digits).addr), 3) != 3:
        print("usage: echo MODE COUNT (three digits) | gc_bench")
        return
    mode = int(digits[0]) - 48
    count = (int(digits[1]) - 48) * 10 + int(digits[2]) - 48
    total = u64(0)
    if mode >= 3:
        if mode == 3:
            NODE_TYPE.flags = u32(0)
        for _i in range(count * 1_000_000):
            obj_decref(obj_new(addr_of(NODE_TYPE).addr, NODE_SIZE))
    elif mode == 0:
        head = make_chain(u64(NODES), False)
        for _i in range(count):
            total += gc_collect()
        obj_decref(head)
    else:
        for _i in range(count):
            head = make_chain(u64(NODES), True)
            obj_decref(head)
            if mode == 2:
                total += gc_collect()
    print(total)


if __name__ == "__main__":
    main()
