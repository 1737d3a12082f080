"""Which runtime functions LLVM must inline, or must not, whatever its
cost model says (docs/objects.md, "Speed").

The object runtime's fast paths are written as ordinary functions with a
slow path split off.  LLVM's inliner judges a function by its size before
the call site's constants are folded in, and it inlines a function with a
single caller wherever it is: so, left to itself, it kept `obj_new` (a
few instructions once the type and size are constants) out of line at
every site, and in the kernel, where `obj_free` has many callers, it
folded `obj_free`'s slow path and its panic report into it, whose saved
registers then cost the fast path a frame.  These attributes say what the runtime's design
needs.
"""

from __future__ import annotations

# (module, function) -> LLVM function attribute.
ATTRIBUTES: dict[tuple[str, str], str] = {
    # Made where objects are made, with the type and size constant there.
    ("pythos.rt.obj.object", "obj_new"): "alwaysinline",
    # Telling the collector of a new tracked object: a compare, the link
    # and two counts, inline where objects are made ...
    ("pythos.rt.obj.object", "obj_track"): "alwaysinline",
    ("pythos.rt.obj.gc", "gc_track"): "alwaysinline",
    # ... and the collection it may start out of line, so that the whole
    # collector is not brought into every place objects are made.
    ("pythos.rt.obj.gc", "collect_due"): "noinline",
    ("pythos.rt.obj.gc", "collect"): "noinline",
    # A collection's passes read an instance's fields inline (TypeInfo.refs),
    # the visit a constant there: the call of it becomes a direct one.
    ("pythos.rt.obj.gc", "traverse"): "alwaysinline",
    # What obj_release does for anything but a leaf instance: a tail call,
    # so the instance's path stays a leaf with no stack frame.
    ("pythos.rt.obj.object", "release_other"): "noinline",
    # Whitespace beyond ASCII: decoded out of line, so that space_at's
    # ASCII test is inlined into split's and strip's loops.
    ("pythos.rt.obj.str", "space_at_wide"): "noinline",
    # The release loop frees nearly every object: the allocator's fast
    # paths inline there, not behind a call.
    ("pythos.rt.alloc", "free_block"): "alwaysinline",
    # The allocator's slow paths stay out of the fast ones.
    ("pythos.rt.alloc", "obj_alloc_slow"): "noinline",
    ("pythos.rt.alloc", "obj_free_slow"): "noinline",
    # The report of a bad free: its saved registers would cost every free.
    ("pythos.rt.alloc", "freed_too_much"): "noinline",
    # `lst.append(x)` of a list of words: a store where the call was,
    # with the list's own `list_append` only to grow it.
    ("pythos.rt.obj.list", "list_append_word"): "alwaysinline",
    # A tuple's hash: the integer tuples' loop is a leaf, the general one
    # (whose item hashes may be calls) is kept apart with its frame.
    ("pythos.rt.obj.tuple", "hash_items"): "noinline",
    # A dict's probe loop, one copy for each index width (a constant in
    # each); the search that may run a user `__eq__` stays out of line.
    ("pythos.rt.obj.dict", "probe"): "alwaysinline",
    ("pythos.rt.obj.dict", "lookup_any"): "noinline",
    ("pythos.rt.obj.set", "lookkey_any"): "noinline",
    # Hashing an integer tuple is a leaf call from `item_hash`, which then
    # stays small enough to inline where keys are hashed; a tuple with a
    # slot that needs a division is rarer, and kept apart with its frame.
    ("pythos.rt.obj.items", "int_tuple_hash"): "noinline",
    ("pythos.rt.obj.items", "wide_tuple_hash"): "noinline",
    # ... its loop, inlined into it and, unrolled, where compiled code
    # hashes a key of a fixed tuple type of integers (ir/passes/keyhash.py).
    ("pythos.rt.obj.items", "int_slots_hash"): "alwaysinline",
    # A key hashed once by compiled code for several lookups
    # (ir/passes/keyhash.py), its item kind a constant there: an integer's
    # hash is a compare, an integer tuple's a direct call of its leaf.
    ("pythos.rt.obj.dict", "hash_key"): "alwaysinline",
    # The equality test of a probe whose hashes matched: a str or an
    # integer tuple compared inside the probe loop, not after a call that
    # spills its registers.
    ("pythos.rt.obj.items", "probe_eq"): "alwaysinline",
    # A generator's resume: the state test and the indirect call inline
    # (an `await`, a `for` over a generator), the errors out of line.
    ("pythos.rt.obj.generator", "gen_resume"): "alwaysinline",
    ("pythos.rt.obj.generator", "gen_not_resumable"): "noinline cold",
    # The next item of an iterator: a generator's resume inline (`for`
    # over a generator typed `Iterator[T]`), the other kinds out of line.
    ("pythos.rt.obj.iterator", "iter_next"): "alwaysinline",
    ("pythos.rt.obj.iterator", "iter_next_object"): "noinline",
    # A character of ASCII text, `text[i]`, and a test of one character,
    # `c.isdigit()`: a few instructions inline (the static one-character
    # strs, the ASCII rules), the general walks over UTF-8 out of line.
    ("pythos.rt.obj.str", "str_getitem"): "alwaysinline",
    ("pythos.rt.obj.str", "str_getitem_any"): "noinline",
    ("pythos.rt.obj.strmethods", "all_chars"): "alwaysinline",
    ("pythos.rt.obj.strmethods", "all_chars_walk"): "noinline",
}


def attributes_for(module: str, function: str) -> list[str]:
    """The inlining attributes a runtime function gets (none, or one and
    perhaps "cold")."""
    return ATTRIBUTES.get((module, function), "").split()
