"""A traverse that reports one reference twice: the collector must stop
with a readable panic, not free a live object."""

from pythos.lang import Ptr, addr_of, call_addr, func_addr, u64
from pythos.rt.obj.gc import gc_collect
from pythos.rt.obj.gc import init as init_gc
from pythos.rt.obj.object import init_object, obj_decref, register_kind
from tests.rt.obj.gc_nodes import NODE_KIND, NODE_OPS, Node, init_nodes, new_node, set_a


def twice_traverse(obj: u64, visit: u64, arg: u64) -> u64:
    n = Ptr[Node](obj)
    if n[0].a != 0:
        call_addr(visit, n[0].a, arg)
        call_addr(visit, n[0].a, arg)
    return u64(0)


def main() -> None:
    init_object()
    init_gc()
    init_nodes()
    NODE_OPS.traverse = func_addr(twice_traverse)
    register_kind(NODE_KIND, addr_of(NODE_OPS))
    holder = new_node()
    held = new_node()
    set_a(holder, held)
    obj_decref(held)
    print("collecting")
    gc_collect()
    print("not reached")
    obj_decref(holder)


if __name__ == "__main__":
    main()
