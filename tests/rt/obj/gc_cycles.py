"""The cycle collector (pythos/rt/obj/gc.py) on the shapes reference
counting cannot free.  Each scenario prints its name, what `gc_collect`
returned, and the live objects and bytes in use relative to the start
(both 0 once everything is freed)."""

from typing import Final

from pythos.lang import Ptr, u64
from pythos.rt.alloc import obj_stats
from pythos.rt.obj.gc import (
    gc_collect,
    gc_disable,
    gc_enable,
    gc_get_count,
    gc_is_tracked,
    gc_isenabled,
    gc_set_threshold,
    gc_stats,
)
from pythos.rt.obj.gc import init as init_gc
from pythos.rt.obj.object import init_object, obj_decref, str_from_ascii
from tests.rt.obj.gc_nodes import (
    Node,
    Tree,
    init_nodes,
    make_chain,
    make_self_cycles,
    make_tree,
    new_hidden_node,
    new_node,
    new_tree,
    refcnt,
    set_a,
    set_b,
)

LIST_NODES: Final = 100_000
TREE_DEPTH: Final = 12

base_live = u64(0)
base_bytes = u64(0)


def report(name: str, collected: u64) -> None:
    now = obj_stats()
    print(name, collected, now.live - base_live, now.in_use - base_bytes)


def self_cycle() -> None:
    n = new_node()
    set_a(n, n)
    obj_decref(n)
    report("self-cycle", gc_collect())


def two_node_cycle() -> None:
    x = new_node()
    y = new_node()
    set_a(x, y)
    set_a(y, x)
    obj_decref(x)
    obj_decref(y)
    report("two-node-cycle", gc_collect())


def doubly_linked_list() -> None:
    """`a` is next, `b` is previous; the program keeps only the head."""
    head = make_chain(u64(LIST_NODES), True)
    report("list-built", u64(0))
    obj_decref(head)
    report("list-dropped", u64(0))
    report("list-collected", gc_collect())


def tree_with_parents() -> None:
    root = make_tree(u64(0), u64(TREE_DEPTH))
    report("tree-built", u64(0))
    obj_decref(root)
    report("tree-collected", gc_collect())


def reachable_cycle_survives() -> None:
    """holder -> (x <-> y): the cycle is alive while the holder is."""
    holder = new_node()
    x = new_node()
    y = new_node()
    set_a(holder, x)
    set_a(x, y)
    set_a(y, x)
    obj_decref(x)
    obj_decref(y)
    report("held-cycle", gc_collect())
    print("held-counts", refcnt(holder), refcnt(x), refcnt(y))
    # The holder is no cycle: counting frees it, the cycle stays garbage.
    obj_decref(holder)
    report("holder-dropped", u64(0))
    report("held-cycle-collected", gc_collect())


def garbage_drops_only_its_references() -> None:
    """A garbage cycle holding two references to a live node and one to a
    live tree: they lose exactly those references and live on."""
    live = new_node()
    tree = new_tree(u64(7))
    x = new_node()
    y = new_node()
    set_a(x, y)
    set_a(y, x)
    set_b(x, live)
    set_b(y, live)
    Ptr[Tree](tree)[0].refcnt += 1
    Ptr[Tree](tree)[0].parent = x  # the tree's own field, no cycle through it
    Ptr[Node](x)[0].refcnt += 1
    obj_decref(x)
    obj_decref(y)
    print("before", refcnt(live), refcnt(tree), gc_is_tracked(live))
    # x is held by the tree, which is live: nothing is garbage yet.
    report("held-by-live", gc_collect())
    Ptr[Tree](tree)[0].parent = u64(0)
    obj_decref(x)
    Ptr[Tree](tree)[0].refcnt -= 1
    report("garbage-with-live", gc_collect())
    print("after", refcnt(live), refcnt(tree))
    obj_decref(live)
    obj_decref(tree)
    report("live-dropped", u64(0))


def untracked_children_are_released() -> None:
    """Garbage holding a str (not tracked): the str is freed by the
    release path when the garbage is cleared."""
    x = new_node()
    text = str_from_ascii(b"held only by garbage")
    print("str-tracked", gc_is_tracked(text), gc_is_tracked(x))
    set_a(x, x)
    set_b(x, text)
    obj_decref(text)
    obj_decref(x)
    report("untracked-child", gc_collect())


def held_by_an_untracked_object() -> None:
    """hidden -> (x <-> y), hidden not tracked: the collector cannot see
    its reference, so it must take it as one from outside."""
    hidden = new_hidden_node()
    x = new_node()
    y = new_node()
    set_a(hidden, x)
    set_a(x, y)
    set_a(y, x)
    obj_decref(x)
    obj_decref(y)
    print("hidden-tracked", gc_is_tracked(hidden))
    report("held-by-untracked", gc_collect())
    obj_decref(hidden)
    report("untracked-holder-dropped", gc_collect())


def garbage_frees_a_tracked_object_through_an_untracked_one() -> None:
    """g (a self-cycle) -> hidden (untracked) -> t (tracked, held by
    hidden alone).  The collector cannot see hidden's reference, so it
    keeps t; clearing g frees hidden and, through the release, t: a
    tracked object leaves the list while the garbage is being freed."""
    g = new_node()
    hidden = new_hidden_node()
    t = new_node()
    set_a(g, g)
    set_b(g, hidden)
    set_a(hidden, t)
    obj_decref(t)
    obj_decref(hidden)
    obj_decref(g)
    report("through-untracked", gc_collect())


def made_before_init(early: u64) -> None:
    """`early` was made before the collector was installed, so it is not
    on its list: garbage that holds it drops its reference, and its own
    release later finds nothing to unlink."""
    x = new_node()
    set_a(x, x)
    set_b(x, early)
    obj_decref(x)
    print("early", gc_is_tracked(early), refcnt(early))
    report("early-held", gc_collect())
    print("early-after", refcnt(early))
    obj_decref(early)
    report("early-dropped", u64(0))


def init_again() -> None:
    """A second `init` (a test kernel starting the runtime again) keeps
    the objects already tracked."""
    x = new_node()
    y = new_node()
    set_a(x, y)
    set_a(y, x)
    init_gc()
    obj_decref(x)
    obj_decref(y)
    report("init-again", gc_collect())


def mixed_kinds() -> None:
    """A cycle through both kinds: node -> tree -> node."""
    n = new_node()
    t = new_tree(u64(1))
    set_a(n, t)
    Ptr[Tree](t)[0].left = n
    Ptr[Node](n)[0].refcnt += 1
    obj_decref(t)
    obj_decref(n)
    report("mixed-kinds", gc_collect())


def automatic_collections() -> None:
    """Self-cycles made and dropped: the threshold collects them."""
    before = gc_stats()
    make_self_cycles(u64(10_000))
    after = gc_stats()
    print("automatic", after.automatic - before.automatic, after.collected - before.collected,
          gc_get_count())
    report("automatic-left", u64(0))
    gc_disable()
    make_self_cycles(u64(2_000))
    print("disabled", gc_isenabled(), gc_stats().automatic - after.automatic, gc_get_count())
    gc_enable()
    print("enabled", gc_isenabled())
    report("disabled-collected", gc_collect())
    gc_set_threshold(u64(0))
    make_self_cycles(u64(1_000))
    print("threshold-0", gc_stats().automatic - after.automatic)
    gc_set_threshold(u64(700))
    report("threshold-0-collected", gc_collect())


def survivors_are_not_revisited() -> None:
    """With 100,000 objects alive (old, after a full collection), the
    automatic collections every 700 allocations examine only the young
    objects: the work follows the allocations, not the live heap."""
    head = make_chain(u64(LIST_NODES), False)
    report("survivors-kept", gc_collect())
    before = gc_stats()
    make_self_cycles(u64(30_000))
    after = gc_stats()
    print("young-only", after.automatic - before.automatic, after.collected - before.collected,
          after.visited - before.visited, after.full - before.full, gc_get_count())
    obj_decref(head)
    report("young-only-collected", gc_collect())


def main() -> None:
    global base_live, base_bytes
    init_object()
    print("before-init", gc_collect(), gc_is_tracked(u64(0)))
    init_nodes()
    base_live = obj_stats().live
    base_bytes = obj_stats().in_use
    early = new_node()
    init_gc()
    made_before_init(early)
    self_cycle()
    two_node_cycle()
    doubly_linked_list()
    tree_with_parents()
    reachable_cycle_survives()
    garbage_drops_only_its_references()
    untracked_children_are_released()
    mixed_kinds()
    held_by_an_untracked_object()
    garbage_frees_a_tracked_object_through_an_untracked_one()
    init_again()
    automatic_collections()
    survivors_are_not_revisited()
    stats = gc_stats()
    print("stats", stats.collections, stats.automatic, stats.collected, stats.tracked,
          stats.full)
    report("end", gc_collect())


if __name__ == "__main__":
    main()
