"""A random graph for the cycle collector, read from standard input:

    N                     one byte, 1..255 nodes
    N pairs (a, b)        each node's two references: a node's index, or
                          any value >= N for None
    N flags               nonzero: the program keeps the node (a root)

Even-numbered nodes are `Node`s, odd ones `Tree`s (`left`, `right`), so
edges cross both ways of registering a type.  The program builds the
graph, drops every node but the roots, collects, drops the roots and
collects again; after each collection it prints what `gc_collect`
returned and how many nodes are alive, and at the end the live objects
and bytes relative to the start.
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, u8, u64
from pythos.rt.alloc import obj_stats
from pythos.rt.obj.gc import gc_collect
from pythos.rt.obj.gc import init as init_gc
from pythos.rt.obj.object import init_object, obj_decref
from pythos.syscalls import read
from tests.rt.obj.gc_nodes import Node, Tree, init_nodes, new_node, new_tree, set_a, set_b

MAX_NODES: Final = 255
INPUT: Final = 1 + 3 * MAX_NODES

data = Array[u8, 1024]()
nodes = Array[u64, 256]()


def read_input() -> int:
    total = 0
    while total < INPUT:
        got = read(0, Ptr[u8](addr_of(data).addr + u64(total)), INPUT - total)
        if got <= 0:
            break
        total += got
    return total


def set_edge(obj: u64, tree: bool, edge: int, target: u64) -> None:
    """The node's first (edge 0) or second reference := target (new; the
    node holds None there so far)."""
    if not tree:
        if edge == 0:
            set_a(obj, target)
        else:
            set_b(obj, target)
        return
    Ptr[Node](target)[0].refcnt += 1
    if edge == 0:
        Ptr[Tree](obj)[0].left = target
    else:
        Ptr[Tree](obj)[0].right = target


def main() -> None:
    init_object()
    init_gc()
    init_nodes()
    base_live = obj_stats().live
    base_bytes = obj_stats().in_use
    got = read_input()
    count = int(data[0])
    if count == 0 or got < 1 + 3 * count:
        print("bad input", got)
        return
    for i in range(count):
        nodes[i] = new_node() if i % 2 == 0 else new_tree(u64(i))
    for i in range(count):
        for edge in range(2):
            target = int(data[1 + 2 * i + edge])
            if target < count:
                set_edge(nodes[i], i % 2 == 1, edge, nodes[target])
    for i in range(count):
        if data[1 + 2 * count + i] == 0:
            obj_decref(nodes[i])
            nodes[i] = u64(0)
    found = gc_collect()
    print("roots-kept", found, obj_stats().live - base_live)
    for i in range(count):
        if nodes[i] != 0:
            obj_decref(nodes[i])
            nodes[i] = u64(0)
    found = gc_collect()
    print("roots-dropped", found, obj_stats().live - base_live)
    print("end", obj_stats().live - base_live, obj_stats().in_use - base_bytes)


if __name__ == "__main__":
    main()
