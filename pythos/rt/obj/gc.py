"""The cycle collector: frees the garbage reference counting cannot.

Reference counting frees an object when its last reference goes.  Objects
that refer to each other in a ring (a doubly linked list, a tree whose
nodes point at their parents, an object that holds itself) keep each
other's counts above zero after the program has dropped them all, so they
would never be freed.  This module finds and frees them, the way CPython's
`gc` does: by *trial deletion* over the container objects (docs/objects.md,
"Cycles: the collector").

Only objects whose type is TRACKED take part: containers and instances,
the objects that can hold references.  Each has a `GcHead` (next, prev)
just before its header, and `obj_new` / `obj_release` call `gc_track` /
`gc_untrack` (installed by `init`), which keep every tracked object on one
of two circular doubly linked lists with a sentinel each: `tracked`, the
young generation, where new objects go (at the head: newest first), and
`old`, where the survivors of a collection go (at its head too)::

    tracked ⇄ head(E) ⇄ head(D) ⇄ (back to tracked)          young
    old ⇄ head(C) ⇄ head(B) ⇄ head(A) ⇄ (back to old)         old

A collection runs in three passes over one list (the young one, or both
joined: a *full* collection) and needs no memory of its own: it borrows
each GcHead's `prev` word, which the passes rebuild before anything else
can look at the list.  Objects of the other list are never tagged
COUNTING, so a young collection counts the references old objects hold
as references from outside, and its walks stop at old objects.

1. *Counts*: `prev` becomes the object's reference count, the *scratch
   count*, tagged COUNTING in its low bits (a GcHead address is 8-byte
   aligned, so the low bits of a real `prev` are always zero).
2. *Subtract*: traverse every object and take one off the scratch count
   of each object of the list it refers to.  What remains of a count is
   the references from outside the list: from the stack, from globals,
   from untracked objects, from the other generation.
3. *Mark and split*, one walk (CPython's `move_unreachable`): an object
   with a scratch count above zero, or REACHED from an object already
   kept, is alive: it keeps its place (its `prev` a real link again) and
   is traversed, which makes the objects it refers to REACHED.  Any
   other is set aside, TENTATIVE, on a list threaded through `next`; a
   kept object that refers to one rescues it, through a mark stack
   threaded through the `prev` words (a REACHED object's `prev` holds the
   next object on the stack), so even a million-node chain is marked in
   a loop on any stack.  The rescued rejoin the list, the rest, the
   garbage, move to the list `unreachable`, and the list's survivors
   join `old`, at its head.  Newest first, a structure built from its
   leaves up (a tree) is met root first, and nothing is set aside.

The garbage is then freed in three steps, so that no object is touched
after it is freed: take a reference to every garbage object (now none of
them can be freed), `clear` each (dropping its references; objects only it
kept alive, strings and the like, are freed by the normal release), then
hand each back to `tracked` and drop the reference taken.  A cleared
object's count falls to zero and `obj_release` frees it, calling
`gc_untrack`, which unlinks it from whichever list holds it.  That last
step re-reads the head of `unreachable` after each drop, so objects freed
along the way simply leave the list.

Automatic collections run from `gc_track`, that is inside `obj_new`, when
the tracked objects allocated since the last collection (less those
freed: `tracked_count - base`) pass the threshold, as in CPython's
youngest generation.  They examine the young generation only, unless
the tracked objects have doubled since the last full collection
(`full_due`); `gc_collect` is always full.  So the
work follows the allocations, not the size of the live heap (docs/
objects.md, "When it runs").
Objects are never made, freed or counted in interrupt context (the
compiler rejects it), so a collection never runs inside an interrupt
handler.

What `traverse` and `clear` functions must do (the compiler generates them
for classes; each kind's module writes its own):

- `traverse(obj, visit, arg)` calls `call_addr(visit, child, arg)` once for
  each reference `obj` holds (0 is skipped, so None slots need no test), and
  nothing else: it may not allocate, free or change a count.
- `clear(obj)` drops every reference `obj` holds and leaves the slots 0
  (or the length 0), so that a second `clear` is harmless: the collector
  clears an object, and its release clears it again.  It must not change
  what the kind's `size` reports.
- Between two `obj_new` calls, a tracked object under construction is
  traversable: its length counts only slots already filled, since a
  collection may run inside the next `obj_new`.
"""

from typing import Final

import pythos.rt.obj.object as core
from pythos.lang import Ptr, addr_of, call_addr, func_addr, i64, panic, struct, u32, u64
from pythos.rt.obj.object import (
    FIRST_FIELD,
    GC_HEAD,
    KIND_INSTANCE,
    TRACKED,
    GcHead,
    ObjHeader,
    obj_decref,
    type_of,
)

# Tags in the low bits of a GcHead's `prev` word while a collection runs
# (outside a collection, `prev` is a pointer and its low bits are 0).
TAG_MASK: Final = u64(3)
COUNTING: Final = u64(1)  # prev = scratch count << 2 | COUNTING
REACHED: Final = u64(2)  # prev = next on the mark stack (0 at its end) | REACHED
TENTATIVE: Final = u64(3)  # prev = TENTATIVE: walked, not reached yet (pass 3)
COUNT_ONE: Final = u64(4)  # one reference, in the scratch count's position
GENERATOR: Final = u32(2)  # TypeInfo.flags of a generator's frame (generator.py)

# CPython's default threshold for its youngest generation.
DEFAULT_THRESHOLD: Final = u64(700)
NEVER: Final = u64(0xFFFF_FFFF_FFFF_FFFF)  # a trigger no count reaches


@struct
class GcStats:
    """What the collector has done (`gc_stats`)."""

    collections: u64  # collections run, automatic or asked for
    collected: u64  # unreachable objects found and freed, over all collections
    tracked: u64  # objects tracked now (young and old)
    automatic: u64  # collections started by the threshold
    visited: u64  # objects the collections examined, one per object per collection
    full: u64  # collections that examined the old generation too


# An automatic collection examines the old generation too once the
# tracked objects have grown, since the last full collection, by what it
# left alive and by at least this many thresholds (`full_due`).
FULL_MIN_GROWTH: Final = u64(10)


# The lists: circular, doubly linked through the objects' GcHeads, each
# with a sentinel GcHead of its own.  `tracked` is the young generation,
# where `gc_track` puts new objects; `old` holds the objects that
# survived a collection.  `unreachable` holds garbage only while a
# collection frees it.
tracked = GcHead()
old = GcHead()
unreachable = GcHead()
tracked_count = u64(0)  # on either generation's list
# The net tracked allocations since the last collection (allocations
# less frees, never below 0, as CPython counts its youngest generation)
# are `tracked_count - base`: `base` is `tracked_count` after the last
# collection, lowered with it when frees take it below, so that a new
# object and a freed one each cost the one count.
base = u64(0)
threshold = DEFAULT_THRESHOLD
# The tracked objects the last full collection left alive.
old_survivors = u64(0)
enabled = True
# `tracked_count` at which `gc_track` starts a collection (`set_trigger`).
trigger = DEFAULT_THRESHOLD
collecting = False
# The top of the mark stack (a GcHead address), threaded through `prev`.
mark_stack = u64(0)
stats = GcStats()


def init() -> None:
    """Install the hooks `obj_new` and `obj_release` call: from now on
    every object of a TRACKED type is on `tracked` or `old`.  The lists
    are set up by the first call; a later one (a test kernel that starts
    the runtime again) keeps the objects already tracked."""
    if tracked.next == 0:
        list_init(addr_of(tracked).addr)
        list_init(addr_of(old).addr)
        list_init(addr_of(unreachable).addr)
    set_trigger()
    core.gc_track_hook = func_addr(gc_track)
    core.gc_untrack_hook = func_addr(gc_untrack)


# ----- the lists -------------------------------------------------------------------------

def gc_head(obj: u64) -> Ptr[GcHead]:
    """Safety: `obj` must be an object of a TRACKED type."""
    return Ptr[GcHead](obj - GC_HEAD)


def list_init(sentinel: u64) -> None:
    s = Ptr[GcHead](sentinel)
    s[0].next = sentinel
    s[0].prev = sentinel


def link_after(at: u64, g: u64) -> None:
    """Link the GcHead at `g` in just after the GcHead `at` (a sentinel
    or an object on a list): four links.  After the sentinel is the head
    of its list (where `gc_track` puts new objects), after the sentinel's
    `prev` its tail (`list_append`)."""
    a = Ptr[GcHead](at)
    following = a[0].next
    Ptr[GcHead](g)[0].next = following
    Ptr[GcHead](g)[0].prev = at
    Ptr[GcHead](following)[0].prev = g
    a[0].next = g


def list_append(sentinel: u64, g: u64) -> None:
    """Link the GcHead at `g` in at the tail of the list `sentinel`."""
    link_after(Ptr[GcHead](sentinel)[0].prev, g)


def list_splice_front(sentinel: u64, other: u64) -> None:
    """Move every GcHead of the list `other` to the head of the list
    `sentinel`, in order, leaving `other` empty: four links, whatever the
    lengths."""
    o = Ptr[GcHead](other)
    if o[0].next == other:
        return
    s = Ptr[GcHead](sentinel)
    first = o[0].next
    last = o[0].prev
    Ptr[GcHead](s[0].next)[0].prev = last
    Ptr[GcHead](last)[0].next = s[0].next
    Ptr[GcHead](first)[0].prev = sentinel
    s[0].next = first
    list_init(other)


def list_unlink(g: u64) -> None:
    """Take the GcHead at `g` off whichever list holds it."""
    h = Ptr[GcHead](g)
    Ptr[GcHead](h[0].prev)[0].next = h[0].next
    Ptr[GcHead](h[0].next)[0].prev = h[0].prev
    h[0].next = u64(0)
    h[0].prev = u64(0)


def is_tracked(obj: u64) -> bool:
    """Whether `obj` (0 allowed) is on a collector's list.  An object of a
    TRACKED type made before `init` installed the hooks has a zero GcHead
    and is not: the collector treats it as it treats a str."""
    if obj == 0:
        return False
    if (type_of(obj)[0].flags & TRACKED) == 0:
        return False
    return gc_head(obj)[0].next != 0


# ----- the hooks -------------------------------------------------------------------------

def gc_track(obj: u64) -> u64:
    """obj_new's hook: a new object of a TRACKED type, whose header and
    fields are not written yet (only its GcHead is ours).  Runs a
    collection first if the threshold is passed (the new object is not
    linked yet, so the collection never sees it).  Inlined where objects
    are made, with the collection out of line (`collect_due`,
    pythos/lower/inlining.py): what is left is a compare, the link and
    a count."""
    global tracked_count
    if tracked_count >= trigger:
        collect_due()
    link_after(addr_of(tracked).addr, obj - GC_HEAD)
    tracked_count += 1
    return u64(0)


def collect_due() -> None:
    """`gc_track`'s automatic collection, once the threshold is passed:
    not while a collection or a release is under way."""
    if not collecting and core.releasing == 0:
        stats.automatic += 1
        collect(full_due())


def gc_untrack(obj: u64) -> u64:
    """obj_release's hook: `obj` is about to be freed.  Its GcHead is
    unlinked but not zeroed, as `list_unlink` would: its memory goes back
    to the allocator next, and nothing reads the GcHead again."""
    global tracked_count, base, trigger
    h = gc_head(obj)
    following = h[0].next
    if following == 0:
        return u64(0)  # made before the collector was installed
    preceding = h[0].prev
    Ptr[GcHead](preceding)[0].next = following
    Ptr[GcHead](following)[0].prev = preceding
    tracked_count -= 1
    if tracked_count < base:
        # Frees never take the count below 0: `base` comes down with it,
        # and the trigger (`base + threshold`) by as much.  That is
        # `set_trigger()` without reading `enabled` and `threshold`, which
        # a runtime compiled apart from the program cannot fold.  When no
        # collection is due (NEVER) the trigger stays out of reach: since
        # the last `set_trigger` it has come down by at most `base`, a
        # count of objects, far from the 2**64 it started at.
        trigger -= base - tracked_count
        base = tracked_count
    return u64(0)


def set_trigger() -> None:
    """Work out when the next automatic collection is due (each time the
    things it depends on change, so that `gc_track` needs one compare):
    when the tracked allocations since the last collection, less frees,
    reach the threshold, as in CPython's youngest generation.  Such a
    collection examines only the young generation (`full_due` says when
    it takes the old one too), so it costs in proportion to the
    allocations that paid for it, however many objects are alive."""
    global trigger
    if not enabled or threshold == 0 or threshold > NEVER - base:
        trigger = NEVER
    else:
        trigger = base + threshold


def full_due() -> bool:
    """Whether the automatic collection about to run should examine the
    old generation too: once the tracked objects are twice what the last
    full collection left alive (and FULL_MIN_GROWTH thresholds more).

    Frees count, as they do for the threshold: objects that counting freed
    left no garbage behind, so a program that builds and drops big
    structures in rounds never pays for a full collection while its heap
    stays the size it was.  What makes the count grow is new live objects
    or garbage in cycles, and the rule bounds both: the full collection's
    work is at most two visits per object the heap grew by, and the
    tracked objects, cyclic garbage included, stay below about twice what
    the last full collection left alive (or that plus the minimum)."""
    if tracked_count < old_survivors:
        return False
    growth = tracked_count - old_survivors
    return growth >= old_survivors and growth >= threshold * FULL_MIN_GROWTH


# ----- the user's controls (Python's gc module) ------------------------------------------

def gc_enable() -> None:
    global enabled
    enabled = True
    set_trigger()


def gc_disable() -> None:
    """Stop automatic collections; `gc_collect` still collects."""
    global enabled
    enabled = False
    set_trigger()


def gc_isenabled() -> bool:
    return enabled


def gc_set_threshold(value: u64) -> None:
    """Tracked allocations between automatic collections; 0 turns them off
    (as `gc.set_threshold(0)` does)."""
    global threshold
    threshold = value
    set_trigger()


def gc_get_threshold() -> u64:
    return threshold


def gc_get_count() -> u64:
    """Tracked allocations, less frees, since the last collection."""
    return tracked_count - base


def gc_is_tracked(obj: u64) -> bool:
    """`gc.is_tracked(obj)`."""
    return is_tracked(obj)


def gc_stats() -> GcStats:
    """A copy of the statistics as they are now."""
    return GcStats(stats.collections, stats.collected, tracked_count, stats.automatic,
                   stats.visited, stats.full)


# ----- a collection ------------------------------------------------------------------------

def clear_of(obj: u64) -> u64:
    info = type_of(obj)
    if info[0].kind == KIND_INSTANCE:
        return info[0].clear
    return core.kind_ops[info[0].kind].clear


def traverse(obj: u64, visit: u64) -> None:
    """Visit each reference `obj` holds (a type without `traverse` holds
    none the collector needs to see).

    An instance whose TypeInfo has a `refs` map is read here, word by
    word, instead of through its `traverse`: the passes inline this with
    `visit` a constant, so visiting a field is a load and the visit's
    own few instructions, not two indirect calls (docs/objects.md, "What
    it costs")."""
    info = type_of(obj)
    if info[0].kind == KIND_INSTANCE:
        refs = info[0].refs
        if refs != 0:
            # Two words a turn: a class's references are usually next to
            # each other, and most classes have one or two.
            field = obj + FIRST_FIELD
            while refs != 0:
                if (refs & 1) != 0:
                    call_addr(visit, Ptr[u64](field)[0], u64(0))
                if (refs & 2) != 0:
                    call_addr(visit, Ptr[u64](field + 8)[0], u64(0))
                refs >>= 2
                field += 16
            return
        fn = info[0].traverse
    else:
        fn = core.kind_ops[info[0].kind].traverse
    if fn != 0:
        call_addr(fn, obj, visit, u64(0))


def of_tracked_type(obj: u64) -> bool:
    """Whether `obj` (0 allowed) has a GcHead, for the passes' visits.
    Unlike `is_tracked` it does not ask whether the object is on a list:
    one that is not (made before `init`, or static) has a zero `prev`,
    which is neither COUNTING nor REACHED, so the visits leave it alone
    anyway, and a load and a branch per field are saved."""
    return obj != 0 and (type_of(obj)[0].flags & TRACKED) != 0


def visit_decref(child: u64, arg: u64) -> u64:
    """Pass 2: one of `child`'s references comes from a tracked object."""
    if not of_tracked_type(child):
        return u64(0)
    h = gc_head(child)
    word = h[0].prev
    if (word & TAG_MASK) == COUNTING:
        if word < COUNT_ONE:
            count_underflow(child)
        h[0].prev = word - COUNT_ONE
    return u64(0)


def count_underflow(obj: u64) -> None:
    info = type_of(obj)
    panic(f"gc: the object at {obj:#x} (kind {u32(info[0].kind)}) is visited more times "
          f"than its reference count ({i64(Ptr[ObjHeader](obj)[0].refcnt)}): some traverse "
          "reports a reference its object does not hold")


def visit_reach(child: u64, arg: u64) -> u64:
    """Pass 3: `child` is reachable from a live object.  Not walked yet
    (COUNTING): it becomes REACHED, and the walk keeps and traverses it
    when it gets there.  Walked and set aside (TENTATIVE): it is pushed
    on the mark stack, to be traversed now.  Anything else (kept, on the
    stack, old, untracked) is left alone."""
    global mark_stack
    if not of_tracked_type(child):
        return u64(0)
    h = gc_head(child)
    tag = h[0].prev & TAG_MASK
    if tag == COUNTING:
        h[0].prev = REACHED
    elif tag == TENTATIVE:
        h[0].prev = mark_stack | REACHED
        mark_stack = child - GC_HEAD
    return u64(0)


def drain_mark_stack() -> None:
    """Traverse every object on the mark stack, and what they push."""
    global mark_stack
    visit = func_addr(visit_reach)
    while mark_stack != 0:
        top = mark_stack
        mark_stack = Ptr[GcHead](top)[0].prev & ~TAG_MASK
        Ptr[GcHead](top)[0].prev = REACHED
        traverse(top + GC_HEAD, visit)


def set_scratch_counts(sentinel: u64) -> u64:
    """Pass 1: every reference, for now, might be from outside.  How many
    objects the list holds."""
    count = u64(0)
    g = Ptr[GcHead](sentinel)[0].next
    while g != sentinel:
        refcnt = Ptr[ObjHeader](g + GC_HEAD)[0].refcnt
        Ptr[GcHead](g)[0].prev = (u64(refcnt) << 2) | COUNTING
        g = Ptr[GcHead](g)[0].next
        count += 1
    return count


def subtract_internal_references(sentinel: u64) -> None:
    """Pass 2: take off the references tracked objects hold."""
    visit = func_addr(visit_decref)
    g = Ptr[GcHead](sentinel)[0].next
    while g != sentinel:
        traverse(g + GC_HEAD, visit)
        g = Ptr[GcHead](g)[0].next


def move_unreachable(sentinel: u64) -> u64:
    """Passes 3 and 4 in one walk, as CPython's `move_unreachable`: an
    object with references from outside (a scratch count above 0), or
    REACHED from one already kept, is kept: its `prev` becomes a real
    link again, and it is traversed, which makes the objects it refers
    to REACHED.  Any other object is set aside, TENTATIVE, on a list of
    its own threaded through `next` (the walk has read it already).  A
    kept object that refers to a TENTATIVE one rescues it: the mark
    stack traverses it at once.  At the end the rescued objects rejoin
    the list and the rest, the garbage, move to `unreachable`.  How many
    moved.

    In the order the young list has, newest first, a structure built
    from its leaves up (a tree, whose parents are made after their
    children) meets its roots first, and nothing is set aside; in the
    other order each object would be set aside and then rescued.  Any
    order gives the same result."""
    visit = func_addr(visit_reach)
    last = sentinel
    tentative = u64(0)
    g = Ptr[GcHead](sentinel)[0].next
    while g != sentinel:
        following = Ptr[GcHead](g)[0].next
        # COUNTING with a count of 0 is the word COUNTING itself; REACHED
        # (not walked yet, so not on the stack) is the word REACHED.
        if Ptr[GcHead](g)[0].prev != COUNTING:
            Ptr[GcHead](g)[0].prev = last
            Ptr[GcHead](last)[0].next = g
            last = g
            traverse(g + GC_HEAD, visit)
            if mark_stack != 0:
                drain_mark_stack()
        else:
            Ptr[GcHead](g)[0].prev = TENTATIVE
            Ptr[GcHead](g)[0].next = tentative
            tentative = g
        g = following
    Ptr[GcHead](last)[0].next = sentinel
    Ptr[GcHead](sentinel)[0].prev = last
    garbage = addr_of(unreachable).addr
    found = u64(0)
    while tentative != 0:
        g = tentative
        tentative = Ptr[GcHead](g)[0].next
        if Ptr[GcHead](g)[0].prev == REACHED:
            list_append(sentinel, g)
        else:
            list_append(garbage, g)
            found += 1
    return found


def find_garbage(sentinel: u64) -> u64:
    """Move every object of the list `sentinel` that nothing outside the
    list keeps alive to `unreachable`; how many moved.  Objects of other
    lists are never COUNTING, so their references count as from outside,
    and the walks stop at them.  Between the first pass and the last, the
    `prev` words hold scratch counts and mark links, not list links:
    nothing may unlink an object meanwhile."""
    stats.visited += set_scratch_counts(sentinel)
    subtract_internal_references(sentinel)
    return move_unreachable(sentinel)


def free_garbage() -> None:
    """Free everything on `unreachable` (see the module docstring)."""
    garbage = addr_of(unreachable).addr
    # Hold a reference to each, so that clearing one cannot free another.
    g = unreachable.next
    while g != garbage:
        Ptr[ObjHeader](g + GC_HEAD)[0].refcnt += 1
        g = Ptr[GcHead](g)[0].next
    # Close the generators suspended inside a `try` or `with` first, while
    # every object of the garbage is still whole: their `finally` blocks
    # may read the others (CPython runs such finalizers before it clears
    # anything).  Such a frame's TypeInfo has its close in the vtable word
    # (pythos/rt/obj/generator.py).
    g = unreachable.next
    while g != garbage:
        info = type_of(g + GC_HEAD)
        if info[0].kind == KIND_INSTANCE and (info[0].flags & GENERATOR) != 0 \
                and info[0].vtable != 0:
            call_addr(info[0].vtable, g + GC_HEAD)
        g = Ptr[GcHead](g)[0].next
    # Drop the references they hold.  Only objects outside `unreachable`
    # can be freed meanwhile, so the walk's next link stays valid.
    g = unreachable.next
    while g != garbage:
        clear = clear_of(g + GC_HEAD)
        if clear != 0:
            call_addr(clear, g + GC_HEAD)
        g = Ptr[GcHead](g)[0].next
    # Drop ours.  Nothing outside the garbage referred to it, and the
    # garbage now holds nothing, so ours must be the last reference; a
    # count above 1 means some clear left a reference behind, and the
    # object would never be freed.  Each object goes back to `tracked`
    # first, so that its release unlinks it from there.  The head is
    # re-read after each drop, since a drop may free others.
    while unreachable.next != garbage:
        g = unreachable.next
        if Ptr[ObjHeader](g + GC_HEAD)[0].refcnt != 1:
            survives_clearing(g + GC_HEAD)
        list_unlink(g)
        list_append(addr_of(tracked).addr, g)
        obj_decref(g + GC_HEAD)


def survives_clearing(obj: u64) -> None:
    info = type_of(obj)
    panic(f"gc: the object at {obj:#x} (kind {u32(info[0].kind)}) is still referenced "
          f"{i64(Ptr[ObjHeader](obj)[0].refcnt) - 1} times after its cycle was cleared: a "
          "clear (its holder's, or a missing one) leaves references behind")


def gc_collect() -> u64:
    """Collect the cyclic garbage now, as `gc.collect()` does: the number
    of unreachable objects found (and freed).  0, doing nothing, when
    called while a collection or a release is under way, or before
    `init`."""
    if collecting or core.releasing != 0 or tracked.next == 0:
        return u64(0)  # (or before `init`: nothing is tracked)
    return collect(True)


def collect(full: bool) -> u64:
    """A collection of the young generation, or of both (`full`); the
    survivors end up in the old one.  The number of objects freed."""
    global collecting, base, old_survivors
    collecting = True
    young = addr_of(tracked).addr
    if full:
        list_splice_front(addr_of(old).addr, young)
    found = find_garbage(addr_of(old).addr if full else young)
    free_garbage()
    if full:
        stats.full += 1
        old_survivors = tracked_count
    else:
        list_splice_front(addr_of(old).addr, young)
    stats.collections += 1
    stats.collected += found
    base = tracked_count
    set_trigger()
    collecting = False
    return found
