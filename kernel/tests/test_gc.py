"""In-kernel tests of the cycle collector (pythos/rt/obj/gc.py).

The same collector as in Linux programs, on the kernel heap and the
kernel's 16 KiB stack: cycles built from the test node kinds of
tests/rt/obj/gc_nodes.py are collected, a long live chain is marked
without recursion, and the heap is back at its baseline afterwards, with
whichever heap design the kernel was built (`pythos test gc --heap=...`).
"""

from typing import Final

import kernel.mm.heap as heap
from pythos.lang import u64
from pythos.rt.alloc import obj_stats, obj_trim
from pythos.rt.obj.gc import gc_collect, gc_stats
from pythos.rt.obj.gc import init as init_gc
from pythos.rt.obj.object import init_object, obj_decref
from tests.rt.obj.gc_nodes import init_nodes, make_chain, make_self_cycles, make_tree

CHAIN: Final = 20_000
TREE_DEPTH: Final = 10


def test_cycles_on_the_kernel_heap_are_collected() -> None:
    obj_trim()
    heap_used = heap.stats().bytes_used
    live = obj_stats().live
    init_object()
    init_gc()
    init_nodes()
    # A live chain: every collection below marks it, one node at a time,
    # a walk that would need far more than 16 KiB if it recursed.
    kept = make_chain(u64(CHAIN), False)
    garbage = make_chain(u64(CHAIN), True)
    obj_decref(garbage)
    assert gc_collect() == CHAIN, "a doubly linked list was not collected"
    tree = make_tree(u64(0), u64(TREE_DEPTH))
    obj_decref(tree)
    assert gc_collect() == (1 << TREE_DEPTH) - 1, "a tree with parent pointers was not collected"
    automatic = gc_stats().automatic
    make_self_cycles(u64(CHAIN))
    assert gc_stats().automatic > automatic, "no automatic collection"
    assert obj_stats().live - live < u64(CHAIN + CHAIN // 4 + 1000), "automatic runs fell behind"
    gc_collect()
    assert obj_stats().live - live == u64(CHAIN), "only the kept chain should be alive"
    obj_decref(kept)
    assert gc_collect() == 0, "a chain without cycles is freed by counting alone"
    assert obj_stats().live == live, "objects left alive"
    obj_trim()
    assert heap.stats().bytes_used == heap_used, "the kernel heap is not back to its baseline"
