"""How much the automatic collections examine, per object allocated, in
the shapes that made a collector that rescanned the live heap slow
(tests/rt/test_obj_gc.py bounds the ratios).  Each line: the shape's
name, the tracked objects it allocated, and the objects the collections
examined meanwhile (`gc_stats().visited`), automatic ones only.

- grow: one chain of 300,000 Nodes, built from an empty heap and kept;
- rounds: five times, build a 200,000-node chain, drop it (counting
  frees it), as a program that builds, walks and frees a list does;
- churn: with a 100,000-node chain kept, 20 times build a 10,000-node
  chain and drop it: temporaries that live through a few collections
  next to a large live heap (bench/heap/binary_trees.py's pattern).

And one line that young collections do not cost the old generation its
collection: a dropped doubly linked list of 20,000 Nodes, old garbage
by then, is found by an automatic full collection once the heap has
grown enough, here while a 50,000-node chain is being built ("old-garbage":
objects collected, full collections, tracked objects at the end).
"""

from pythos.lang import u64
from pythos.rt.obj.gc import gc_collect, gc_stats
from pythos.rt.obj.gc import init as init_gc
from pythos.rt.obj.object import init_object, obj_decref
from tests.rt.obj.gc_nodes import init_nodes, make_chain

visited_before = u64(0)


def start() -> None:
    global visited_before
    gc_collect()  # an empty heap, and a collection's examinations
    visited_before = gc_stats().visited


def report(name: str, allocated: u64) -> None:
    print(name, allocated, gc_stats().visited - visited_before)


def main() -> None:
    init_object()
    init_gc()
    init_nodes()
    start()
    head = make_chain(u64(300_000), False)
    report("grow", u64(300_000))
    obj_decref(head)
    start()
    for _i in range(5):
        obj_decref(make_chain(u64(200_000), False))
    report("rounds", u64(5 * 200_000))
    kept = make_chain(u64(100_000), False)
    start()
    for _i in range(20):
        obj_decref(make_chain(u64(10_000), False))
    report("churn", u64(20 * 10_000))
    obj_decref(kept)
    start()
    obj_decref(make_chain(u64(20_000), True))
    before = gc_stats()
    kept = make_chain(u64(50_000), False)
    after = gc_stats()
    print("old-garbage", after.collected - before.collected, after.full - before.full,
          after.tracked)
    obj_decref(kept)
    print("left", gc_collect(), gc_stats().tracked)


if __name__ == "__main__":
    main()
