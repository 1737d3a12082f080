"""The object core on its own: a kind of test node registered by hand,
one reference from each node to the next, and a chain long enough that a
recursive release would overflow the stack.  Prints the allocator's live
count before and after."""

from typing import Final

from pythos.lang import Ptr, addr_of, func_addr, i64, struct, u32, u64
from pythos.rt.alloc import obj_stats
from pythos.rt.obj.object import (
    KIND_TUPLE,
    KindOps,
    ObjHeader,
    TypeInfo,
    obj_decref,
    obj_incref,
    obj_new,
    register_kind,
)

CHAIN: Final = 1_000_000


@struct
class Node:
    refcnt: i64
    type: u64
    next: u64
    value: u64


cleared = u64(0)


def node_clear(obj: u64) -> u64:
    global cleared
    cleared += 1
    nxt = Ptr[Node](obj)[0].next
    if nxt != 0:
        obj_decref(nxt)
    return u64(0)


def node_size(obj: u64) -> u64:
    return u64(32)


NODE_OPS = KindOps()
NODE_TYPE = TypeInfo()


def main() -> None:
    # A stand-in kind: the tuple slot, since this test has no tuples.
    NODE_OPS.clear = func_addr(node_clear)
    NODE_OPS.size = func_addr(node_size)
    register_kind(KIND_TUPLE, addr_of(NODE_OPS))
    NODE_TYPE.kind = KIND_TUPLE
    NODE_TYPE.size = u64(32)
    ti = addr_of(NODE_TYPE).addr
    before = obj_stats().live
    head = u64(0)
    for i in range(CHAIN):
        n = obj_new(ti, u64(32))
        Ptr[Node](n)[0].next = head
        Ptr[Node](n)[0].value = u64(i)
        head = n
    print(obj_stats().live - before)
    # A second reference to the head: dropping one frees nothing.
    obj_incref(head)
    obj_decref(head)
    print(Ptr[ObjHeader](head)[0].refcnt, cleared)
    obj_decref(head)
    print(obj_stats().live - before, cleared)
    print(u32(NODE_TYPE.kind))


if __name__ == "__main__":
    main()
