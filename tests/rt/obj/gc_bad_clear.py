"""A clear that drops only one of a Node's two references: garbage
joined through the other survives clearing, and the collector must stop
with a readable panic rather than leak it."""

from pythos.lang import Ptr, addr_of, func_addr, u64
from pythos.rt.obj.gc import gc_collect
from pythos.rt.obj.gc import init as init_gc
from pythos.rt.obj.object import init_object, obj_decref, register_kind
from tests.rt.obj.gc_nodes import NODE_KIND, NODE_OPS, Node, drop, init_nodes, new_node, set_b


def half_clear(obj: u64) -> u64:
    n = Ptr[Node](obj)
    a = n[0].a
    n[0].a = u64(0)
    drop(a)
    return u64(0)


def main() -> None:
    init_object()
    init_gc()
    init_nodes()
    NODE_OPS.clear = func_addr(half_clear)
    register_kind(NODE_KIND, addr_of(NODE_OPS))
    x = new_node()
    y = new_node()
    set_b(x, y)
    set_b(y, x)
    obj_decref(x)
    obj_decref(y)
    print("collecting")
    gc_collect()
    print("not reached")


if __name__ == "__main__":
    main()
