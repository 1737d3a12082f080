"""set: CPython 3.11's open-addressing table (docs/objects.md, "Dicts and sets").

A set is one array of (key, hash) entries, `mask + 1` of them (a power of
two, at least 8), with no separate index: a set has no values, so an
entry is two words, and sparseness costs little.  The first eight entries
live inside the object (`small`), so a small set takes one allocation::

    SetObject: refcnt type fill used mask table finger | small[8] (key, hash)
                                              table ───┘  (or an obj_alloc'd table)

A key's hash picks an entry; on a collision the probe first looks at the
next LINEAR_PROBES entries (neighbours share a cache line), then jumps by
CPython's perturbed step (`i = i*5 + 1 + perturb`).  An entry is free
(never used: ends a search), deleted (a *dummy*: a search goes on past
it, an insertion may reuse it) or active.  No hash is -1, so `hash ==
NO_HASH` marks both free and dummy entries and the key slot tells them
apart (FREE_KEY, DUMMY_KEY).

Everything that decides where a key lands follows setobject.c: the
table sizes, when to grow (`fill*5 >= mask*3`, to 4x the used count),
which dummy an insertion reuses, how copies, unions and in-place
intersections build their tables, and `pop`'s roving finger.  So a
set[int] iterates in the order CPython's does, for the same operations
(tests/rt/test_obj_set.py checks it): not a promise Python makes, but
programs print sets, and the differential tests compare that text.

Keys are items of the set type's `item` kind in 8-byte slots, hashed
and compared only through items.py.  Arguments are borrowed and results
new references, as everywhere in the runtime.
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, call_addr, func_addr, i64, struct, u8, u32, u64
from pythos.rt.alloc import obj_alloc, obj_free
from pythos.rt.mem import memcpy
from pythos.rt.obj.dict import NO_HASH, key_hash, raise_key_error
from pythos.rt.obj.items import item_eq, item_repr, probe_eq, sb_append_ascii
from pythos.rt.obj.object import (
    ERR_KEY,
    ERR_RUNTIME,
    KIND_FROZENSET,
    KIND_SET,
    KindOps,
    StrBuilder,
    item_decref,
    item_incref,
    item_is_object,
    obj_decref,
    obj_new,
    obj_raise,
    register_kind,
    sb_append_byte,
    str_from_ascii,
    type_of,
)


@struct
class SetObject:
    refcnt: i64
    type: u64
    fill: i64  # active and dummy entries
    used: i64  # active entries: len(s)
    mask: i64  # entries in the table, less one
    table: u64  # the entries: `small`, or an obj_alloc'd array
    finger: i64  # where pop() looks first
    small: Array[u64, 16]  # the table of a set of up to 8 entries: (key, hash) pairs


@struct
class SetEntry:
    key: u64
    hash: u64  # NO_HASH: free or dummy, as `key` says


@struct
class SetIter:
    """Where a `for` over a set is (see dict.py's DictIter)."""

    pos: i64
    used: i64  # the set's `used` at the start; -1 after an error


SET_SIZE: Final = u64(184)
SET_SMALL: Final = u64(56)  # offset of `small`
ENTRY_SIZE: Final = u64(16)
MINSIZE: Final = 8
FREE_KEY: Final = u64(0)
DUMMY_KEY: Final = u64(1)
LINEAR_PROBES: Final = u64(9)
PERTURB_SHIFT: Final = u64(5)

SET_OPS = KindOps()
FROZENSET_OPS = KindOps()


def small_of(s: u64) -> u64:
    return s + SET_SMALL


def entry(table: u64, i: u64) -> Ptr[SetEntry]:
    return Ptr[SetEntry](table + i * ENTRY_SIZE)


def is_active(e: Ptr[SetEntry]) -> bool:
    return e[0].hash != NO_HASH


def make_free(table: u64, count: u64) -> None:
    for i in range(count):
        e = entry(table, i)
        e[0].key = FREE_KEY
        e[0].hash = NO_HASH


def key_kind(s: u64) -> u32:
    return type_of(s)[0].item


# ----- probing ----------------------------------------------------------------------

def lookkey(s: u64, kind: u32, key: u64, h: u64) -> Ptr[SetEntry]:
    """The active entry holding `key`, or the free entry that ended the
    search, for keys whose comparisons run no user code (the same key,
    or an equal one by `probe_eq`).  The first entry with the same hash
    that only `item_eq` can decide hands the search to `lookkey_any`,
    which starts again: the entries before were passed without user
    code (dict.py's `probe`)."""
    sp = Ptr[SetObject](s)
    table = sp[0].table
    mask = u64(sp[0].mask)
    i = h & mask
    perturb = h
    while True:
        probes = LINEAR_PROBES if i + LINEAR_PROBES <= mask else u64(0)
        e = entry(table, i)
        while True:
            if e[0].hash == h:
                start = e[0].key
                if start == key:
                    return e
                plain = probe_eq(kind, start, key)
                if plain == 1:
                    return e
                if plain < 0 and item_is_object(kind):
                    return lookkey_any(s, kind, key, h)
            elif e[0].hash == NO_HASH and e[0].key == FREE_KEY:
                return e
            if probes == 0:
                break
            probes -= 1
            e = Ptr[SetEntry](e.addr + ENTRY_SIZE)
        perturb >>= PERTURB_SHIFT
        i = (i * 5 + 1 + perturb) & mask


def lookkey_any(s: u64, kind: u32, key: u64, h: u64) -> Ptr[SetEntry]:
    """`lookkey` for any keys, comparing with `item_eq` where `probe_eq`
    can not tell.  A user `__eq__` that changes the set makes it start
    again, as in CPython."""
    sp = Ptr[SetObject](s)
    while True:
        table = sp[0].table
        mask = u64(sp[0].mask)
        i = h & mask
        perturb = h
        changed = False
        while not changed:
            probes = LINEAR_PROBES if i + LINEAR_PROBES <= mask else u64(0)
            e = entry(table, i)
            while True:
                if e[0].hash == h:
                    start = e[0].key
                    if start == key:
                        return e
                    plain = probe_eq(kind, start, key)
                    if plain == 1:
                        return e
                    if plain < 0 and item_is_object(kind):
                        item_incref(kind, start)
                        same = item_eq(kind, start, key)
                        changed = sp[0].table != table or e[0].key != start
                        item_decref(kind, start)
                        if changed:
                            break
                        if same:
                            return e
                elif e[0].hash == NO_HASH and e[0].key == FREE_KEY:
                    return e
                if probes == 0:
                    break
                probes -= 1
                e = Ptr[SetEntry](e.addr + ENTRY_SIZE)
            perturb >>= PERTURB_SHIFT
            i = (i * 5 + 1 + perturb) & mask


def find_for_add(s: u64, kind: u32, key: u64, h: u64) -> u64:
    """Where `key` would go, or 0 if it is present: the free entry that
    ended the search, or, if the search passed dummies, the last of them
    (setobject.c's `freeslot`)."""
    sp = Ptr[SetObject](s)
    while True:
        table = sp[0].table
        mask = u64(sp[0].mask)
        i = h & mask
        perturb = h
        freeslot = u64(0)
        changed = False
        while not changed:
            probes = LINEAR_PROBES if i + LINEAR_PROBES <= mask else u64(0)
            e = entry(table, i)
            while True:
                if e[0].hash == NO_HASH:
                    if e[0].key == FREE_KEY:
                        return freeslot if freeslot != 0 else e.addr
                    freeslot = e.addr
                elif e[0].hash == h:
                    start = e[0].key
                    if start == key:
                        return u64(0)
                    plain = probe_eq(kind, start, key)
                    if plain == 1:
                        return u64(0)
                    if plain < 0 and item_is_object(kind):
                        item_incref(kind, start)
                        same = item_eq(kind, start, key)
                        changed = sp[0].table != table or e[0].key != start
                        item_decref(kind, start)
                        if changed:
                            break
                        if same:
                            return u64(0)
                if probes == 0:
                    break
                probes -= 1
                e = Ptr[SetEntry](e.addr + ENTRY_SIZE)
            perturb >>= PERTURB_SHIFT
            i = (i * 5 + 1 + perturb) & mask


def add_entry(s: u64, kind: u32, key: u64, h: u64) -> None:
    """Add `key` (hash `h`) if absent, taking a new reference to it."""
    sp = Ptr[SetObject](s)
    at = find_for_add(s, kind, key, h)
    if at == 0:
        return
    e = Ptr[SetEntry](at)
    reuse = e[0].key == DUMMY_KEY
    item_incref(kind, key)
    e[0].key = key
    e[0].hash = h
    sp[0].used += 1
    if reuse:
        return
    sp[0].fill += 1
    if sp[0].fill * 5 < sp[0].mask * 3:
        return
    resize(s, sp[0].used * 2 if sp[0].used > 50000 else sp[0].used * 4)


def insert_clean(table: u64, mask: u64, key: u64, h: u64) -> None:
    """Put a key known to be absent into a table without dummies."""
    i = h & mask
    perturb = h
    while True:
        e = entry(table, i)
        if not is_active(e):
            e[0].key = key
            e[0].hash = h
            return
        if i + LINEAR_PROBES <= mask:
            for j in range(LINEAR_PROBES):
                e = Ptr[SetEntry](e.addr + ENTRY_SIZE)
                if not is_active(e):
                    e[0].key = key
                    e[0].hash = h
                    return
        perturb >>= PERTURB_SHIFT
        i = (i * 5 + 1 + perturb) & mask


def resize(s: u64, minused: i64) -> None:
    """Rebuild the table at the smallest size above `minused`, dropping
    the dummies (the table may shrink)."""
    sp = Ptr[SetObject](s)
    newsize = i64(MINSIZE)
    while newsize <= minused:
        newsize <<= 1
    old = sp[0].table
    oldsize = u64(sp[0].mask + 1)
    old_allocated = old != small_of(s)
    copy = Array[u64, 16]()
    if newsize == MINSIZE:
        new = small_of(s)
        if new == old:
            if sp[0].fill == sp[0].used:
                return  # no dummies: nothing to gain
            memcpy(Ptr[u8](addr_of(copy).addr), Ptr[u8](old), u64(MINSIZE) * ENTRY_SIZE)
            old = addr_of(copy).addr
    else:
        new = obj_alloc(u64(newsize) * ENTRY_SIZE)
    make_free(new, u64(newsize))
    sp[0].mask = newsize - 1
    sp[0].table = new
    sp[0].fill = sp[0].used
    for i in range(oldsize):
        e = entry(old, i)
        if is_active(e):
            insert_clean(new, u64(newsize - 1), e[0].key, e[0].hash)
    if old_allocated:
        obj_free(old, oldsize * ENTRY_SIZE)


def discard_entry(s: u64, kind: u32, key: u64, h: u64) -> bool:
    """Remove `key` if present (its reference dropped): whether it was."""
    e = lookkey(s, kind, key, h)
    if not is_active(e):
        return False
    old = e[0].key
    e[0].key = DUMMY_KEY
    e[0].hash = NO_HASH
    Ptr[SetObject](s)[0].used -= 1
    item_decref(kind, old)
    return True


def contains_entry(s: u64, kind: u32, key: u64, h: u64) -> bool:
    return is_active(lookkey(s, kind, key, h))


def next_active(s: u64, pos: i64) -> i64:
    """The first active entry at or after `pos`, or mask + 1."""
    sp = Ptr[SetObject](s)
    i = pos
    while i <= sp[0].mask and not is_active(entry(sp[0].table, u64(i))):
        i += 1
    return i


# ----- making sets ------------------------------------------------------------------

def set_new(ti: u64) -> u64:
    """A new, empty set of type `ti`."""
    s = obj_new(ti, SET_SIZE)
    sp = Ptr[SetObject](s)
    sp[0].mask = i64(MINSIZE - 1)
    sp[0].table = small_of(s)
    make_free(small_of(s), u64(MINSIZE))
    return s


def set_from_items(ti: u64, items: u64, n: i64) -> u64:
    """A set display with a non-constant item (`{x, 1}`), or set() of a
    list: the `n` items (borrowed, 8-byte slots at `items`) added in
    order."""
    s = set_new(ti)
    kind = key_kind(s)
    p = Ptr[u64](items)
    for i in range(n):
        add_entry(s, kind, p[i], key_hash(kind, p[i]))
    return s


def set_from_constants(ti: u64, items: u64, n: i64) -> u64:
    """A set display whose (three or more) items are all constants, such as
    `{1, 2, 3}`, laid out as CPython 3.11 lays it out when it runs the
    program from source.  Its compiler makes a frozenset constant by adding
    the items in order; making the code object, it rebuilds that frozenset
    once more, adding the items in the first one's iteration order; at run
    time a new set copies it with `|=`, which sizes the table from the item
    count instead of growing it.  Each step can move keys, so the result
    can print differently from `set_from_items` of the same items."""
    first = set_from_items(ti, items, n)
    second = set_new(ti)
    kind = key_kind(first)
    fp = Ptr[SetObject](first)
    pos = next_active(first, i64(0))
    while pos <= fp[0].mask:
        key = entry(fp[0].table, u64(pos))[0].key
        add_entry(second, kind, key, key_hash(kind, key))
        pos = next_active(first, pos + 1)
    s = set_new(ti)
    merge(s, second)
    obj_decref(first)
    obj_decref(second)
    return s


def merge(s: u64, other: u64) -> None:
    """s |= other (setobject.c's set_merge, with its shortcuts, which
    decide where keys land)."""
    if other == s:
        return
    sp = Ptr[SetObject](s)
    op = Ptr[SetObject](other)
    if op[0].used == 0:
        return
    kind = key_kind(s)
    # One resize up front, expecting few keys in common.
    if (sp[0].fill + op[0].used) * 5 >= sp[0].mask * 3:
        resize(s, (sp[0].used + op[0].used) * 2)
    count = u64(op[0].mask + 1)
    if sp[0].fill == 0 and sp[0].mask == op[0].mask and op[0].fill == op[0].used:
        # Same size, no dummies: every key goes where it is in `other`.
        for i in range(count):
            src = entry(op[0].table, i)
            if is_active(src):
                item_incref(kind, src[0].key)
                dst = entry(sp[0].table, i)
                dst[0].key = src[0].key
                dst[0].hash = src[0].hash
        sp[0].fill = op[0].fill
        sp[0].used = op[0].used
        return
    if sp[0].fill == 0:
        sp[0].fill = op[0].used
        sp[0].used = op[0].used
        for i in range(count):
            src = entry(op[0].table, i)
            if is_active(src):
                item_incref(kind, src[0].key)
                insert_clean(sp[0].table, u64(sp[0].mask), src[0].key, src[0].hash)
        return
    # Keys may be in both: ordinary insertions.
    for j in range(count):
        src = entry(op[0].table, j)
        if is_active(src):
            add_entry(s, kind, src[0].key, src[0].hash)


def set_copy(s: u64) -> u64:
    """s.copy()"""
    copy = set_new(Ptr[SetObject](s)[0].type)
    merge(copy, s)
    return copy


# ----- one key ----------------------------------------------------------------------

def set_len(s: u64) -> i64:
    return Ptr[SetObject](s)[0].used


def set_add(s: u64, key: u64) -> None:
    """s.add(key)"""
    set_add_h(s, key, key_hash(key_kind(s), key))


def set_contains(s: u64, key: u64) -> bool:
    """key in s"""
    return set_contains_h(s, key, key_hash(key_kind(s), key))


def set_discard(s: u64, key: u64) -> bool:
    """s.discard(key): whether the key was there."""
    return set_discard_h(s, key, key_hash(key_kind(s), key))


# The same, for a key whose hash `h` compiled code computed once for
# several lookups (dict.py's `hash_key`, pythos/ir/passes/keyhash.py).
def set_add_h(s: u64, key: u64, h: u64) -> None:
    add_entry(s, key_kind(s), key, h)


def set_contains_h(s: u64, key: u64, h: u64) -> bool:
    return contains_entry(s, key_kind(s), key, h)


def set_discard_h(s: u64, key: u64, h: u64) -> bool:
    return discard_entry(s, key_kind(s), key, h)


def set_remove(s: u64, key: u64) -> None:
    """s.remove(key); KeyError if absent."""
    kind = key_kind(s)
    if not discard_entry(s, kind, key, key_hash(kind, key)):
        raise_key_error(kind, key)


def set_pop(s: u64) -> u64:
    """s.pop(): the first active entry from the finger on (the set's
    reference, handed to the caller); KeyError if the set is empty."""
    sp = Ptr[SetObject](s)
    if sp[0].used == 0:
        obj_raise(ERR_KEY, str_from_ascii(b"pop from an empty set"))
        return u64(0)
    i = u64(sp[0].finger & sp[0].mask)
    while not is_active(entry(sp[0].table, i)):
        i += 1
        if i > u64(sp[0].mask):
            i = u64(0)
    e = entry(sp[0].table, i)
    key = e[0].key
    e[0].key = DUMMY_KEY
    e[0].hash = NO_HASH
    sp[0].used -= 1
    sp[0].finger = i64(i) + 1
    return key


def set_clear(s: u64) -> u64:
    """s.clear(), and the kind's `clear`: the set is made empty (its small
    table, all free) before any key is released, so whatever a release
    does, it sees an empty set."""
    sp = Ptr[SetObject](s)
    table = sp[0].table
    count = u64(sp[0].mask + 1)
    used = sp[0].used
    allocated = table != small_of(s)
    copy = Array[u64, 16]()
    if not allocated:
        if sp[0].fill == 0:
            return u64(0)
        memcpy(Ptr[u8](addr_of(copy).addr), Ptr[u8](table), u64(MINSIZE) * ENTRY_SIZE)
        table = addr_of(copy).addr
    make_free(small_of(s), u64(MINSIZE))
    sp[0].fill = i64(0)
    sp[0].used = i64(0)
    sp[0].mask = i64(MINSIZE - 1)
    sp[0].table = small_of(s)
    kind = key_kind(s)
    if item_is_object(kind):
        i = u64(0)
        while used > 0:
            e = entry(table, i)
            if is_active(e):
                used -= 1
                item_decref(kind, e[0].key)
            i += 1
    if allocated:
        obj_free(table, count * ENTRY_SIZE)
    return u64(0)


# ----- whole sets -------------------------------------------------------------------
# Each takes two sets of the same type.  The methods that take several
# arguments are these in a row, as in CPython: a.union(b, c) is
# set_union(a, b) then set_update(result, c); a.intersection(b, c) is
# two set_intersection calls; a.difference(b, c) is set_difference then
# set_difference_update.

def set_update(s: u64, other: u64) -> None:
    """s |= other, s.update(other)"""
    merge(s, other)


def set_union(a: u64, b: u64) -> u64:
    """a | b, a.union(b)"""
    result = set_copy(a)
    if b != a:
        merge(result, b)
    return result


def set_intersection(a: u64, b: u64) -> u64:
    """a & b, a.intersection(b): the smaller set's keys, in its order,
    that the larger one has."""
    if a == b:
        return set_copy(a)
    result = set_new(Ptr[SetObject](a)[0].type)
    big = a
    small = b
    if set_len(b) > set_len(a):
        big = b
        small = a
    kind = key_kind(a)
    pos = next_active(small, i64(0))
    while pos <= Ptr[SetObject](small)[0].mask:
        e = entry(Ptr[SetObject](small)[0].table, u64(pos))
        key = e[0].key
        h = e[0].hash
        item_incref(kind, key)
        if contains_entry(big, kind, key, h):
            add_entry(result, kind, key, h)
        item_decref(kind, key)
        pos = next_active(small, pos + 1)
    return result


def swap_bodies(a: u64, b: u64) -> None:
    """Exchange the contents of two sets (not their fingers), moving
    small tables by value."""
    ap = Ptr[SetObject](a)
    bp = Ptr[SetObject](b)
    t = ap[0].fill
    ap[0].fill = bp[0].fill
    bp[0].fill = t
    t = ap[0].used
    ap[0].used = bp[0].used
    bp[0].used = t
    t = ap[0].mask
    ap[0].mask = bp[0].mask
    bp[0].mask = t
    a_small = ap[0].table == small_of(a)
    b_small = bp[0].table == small_of(b)
    a_table = ap[0].table
    ap[0].table = small_of(a) if b_small else bp[0].table
    bp[0].table = small_of(b) if a_small else a_table
    if a_small or b_small:
        tmp = Array[u64, 16]()
        size = u64(MINSIZE) * ENTRY_SIZE
        memcpy(Ptr[u8](addr_of(tmp).addr), Ptr[u8](small_of(a)), size)
        memcpy(Ptr[u8](small_of(a)), Ptr[u8](small_of(b)), size)
        memcpy(Ptr[u8](small_of(b)), Ptr[u8](addr_of(tmp).addr), size)


def set_intersection_update(s: u64, other: u64) -> None:
    """s &= other, s.intersection_update(other): the intersection is
    built as a new set whose table `s` then takes over."""
    tmp = set_intersection(s, other)
    swap_bodies(s, tmp)
    obj_decref(tmp)


def set_difference_update(s: u64, other: u64) -> None:
    """s -= other, s.difference_update(other)"""
    if s == other:
        set_clear(s)
        return
    sp = Ptr[SetObject](s)
    kind = key_kind(s)
    source = other
    # A much larger `other`: walk only its keys that `s` has.
    if (set_len(other) >> 3) > set_len(s):
        source = set_intersection(s, other)
    else:
        Ptr[SetObject](other)[0].refcnt += 1
    pos = next_active(source, i64(0))
    while pos <= Ptr[SetObject](source)[0].mask:
        e = entry(Ptr[SetObject](source)[0].table, u64(pos))
        key = e[0].key
        item_incref(kind, key)
        discard_entry(s, kind, key, e[0].hash)
        item_decref(kind, key)
        pos = next_active(source, pos + 1)
    obj_decref(source)
    # More than a quarter dummies: rebuild.
    if (sp[0].fill - sp[0].used) <= sp[0].mask // 4:
        return
    resize(s, sp[0].used * 2 if sp[0].used > 50000 else sp[0].used * 4)


def set_difference(a: u64, b: u64) -> u64:
    """a - b, a.difference(b)"""
    if (set_len(a) >> 2) > set_len(b):
        result = set_copy(a)
        set_difference_update(result, b)
        return result
    result = set_new(Ptr[SetObject](a)[0].type)
    kind = key_kind(a)
    pos = next_active(a, i64(0))
    while pos <= Ptr[SetObject](a)[0].mask:
        e = entry(Ptr[SetObject](a)[0].table, u64(pos))
        key = e[0].key
        h = e[0].hash
        item_incref(kind, key)
        if not contains_entry(b, kind, key, h):
            add_entry(result, kind, key, h)
        item_decref(kind, key)
        pos = next_active(a, pos + 1)
    return result


def set_symmetric_difference_update(s: u64, other: u64) -> None:
    """s ^= other, s.symmetric_difference_update(other)"""
    if s == other:
        set_clear(s)
        return
    kind = key_kind(s)
    Ptr[SetObject](other)[0].refcnt += 1
    pos = next_active(other, i64(0))
    while pos <= Ptr[SetObject](other)[0].mask:
        e = entry(Ptr[SetObject](other)[0].table, u64(pos))
        key = e[0].key
        h = e[0].hash
        item_incref(kind, key)
        if not discard_entry(s, kind, key, h):
            add_entry(s, kind, key, h)
        item_decref(kind, key)
        pos = next_active(other, pos + 1)
    obj_decref(other)


def set_symmetric_difference(a: u64, b: u64) -> u64:
    """a ^ b, a.symmetric_difference(b): a copy of b, updated with a."""
    result = set_copy(b)
    set_symmetric_difference_update(result, a)
    return result


# ----- comparisons ------------------------------------------------------------------

def set_issubset(a: u64, b: u64) -> bool:
    """a <= b, a.issubset(b)"""
    if set_len(a) > set_len(b):
        return False
    kind = key_kind(a)
    pos = next_active(a, i64(0))
    while pos <= Ptr[SetObject](a)[0].mask:
        e = entry(Ptr[SetObject](a)[0].table, u64(pos))
        key = e[0].key
        item_incref(kind, key)
        found = contains_entry(b, kind, key, e[0].hash)
        item_decref(kind, key)
        if not found:
            return False
        pos = next_active(a, pos + 1)
    return True


def set_issuperset(a: u64, b: u64) -> bool:
    """a >= b, a.issuperset(b)"""
    return set_issubset(b, a)


def set_isdisjoint(a: u64, b: u64) -> bool:
    """a.isdisjoint(b)"""
    if a == b:
        return set_len(a) == 0
    big = a
    small = b
    if set_len(b) > set_len(a):
        big = b
        small = a
    kind = key_kind(a)
    pos = next_active(small, i64(0))
    while pos <= Ptr[SetObject](small)[0].mask:
        e = entry(Ptr[SetObject](small)[0].table, u64(pos))
        key = e[0].key
        item_incref(kind, key)
        found = contains_entry(big, kind, key, e[0].hash)
        item_decref(kind, key)
        if found:
            return False
        pos = next_active(small, pos + 1)
    return True


def set_eq(a: u64, b: u64) -> u64:
    """a == b (1 or 0; the kind's `eq`)."""
    if set_len(a) != set_len(b):
        return u64(0)
    return u64(1) if set_issubset(a, b) else u64(0)


def set_lt(a: u64, b: u64) -> bool:
    """a < b: a proper subset."""
    return set_len(a) < set_len(b) and set_issubset(a, b)


def set_le(a: u64, b: u64) -> bool:
    return set_issubset(a, b)


def set_gt(a: u64, b: u64) -> bool:
    """a > b: a proper superset."""
    return set_len(a) > set_len(b) and set_issubset(b, a)


def set_ge(a: u64, b: u64) -> bool:
    return set_issubset(b, a)


# ----- iteration and text -----------------------------------------------------------

def set_iter_start(s: u64, it: u64) -> None:
    """Begin a `for` over `s` with the state at `it`, a SetIter."""
    state = Ptr[SetIter](it)
    state[0].pos = i64(0)
    state[0].used = Ptr[SetObject](s)[0].used


def set_next(s: u64, it: u64, key_out: u64) -> bool:
    """The next key of a `for` over `s`: True, with the key (a new
    reference) written to `key_out`, or False at the end.  RuntimeError,
    as in CPython, if the set changed size since `set_iter_start`."""
    state = Ptr[SetIter](it)
    sp = Ptr[SetObject](s)
    if state[0].used != sp[0].used:
        state[0].used = i64(-1)  # stay failed
        obj_raise(ERR_RUNTIME, str_from_ascii(b"Set changed size during iteration"))
        return False
    i = next_active(s, state[0].pos)
    state[0].pos = i + 1
    if i > sp[0].mask:
        state[0].pos = i
        return False
    key = entry(sp[0].table, u64(i))[0].key
    item_incref(key_kind(s), key)
    Ptr[u64](key_out)[0] = key
    return True


def set_repr(s: u64, sb: u64) -> u64:
    """Append repr(s) to the StrBuilder at `sb`: `{1, 2}`, `set()`."""
    builder = Ptr[StrBuilder](sb)
    sp = Ptr[SetObject](s)
    if sp[0].used == 0:
        sb_append_ascii(builder, b"set()")
        return u64(0)
    kind = key_kind(s)
    sb_append_byte(builder, u8(123))  # {
    first = True
    pos = next_active(s, i64(0))
    while pos <= sp[0].mask:
        key = entry(sp[0].table, u64(pos))[0].key
        if not first:
            sb_append_ascii(builder, b", ")
        first = False
        item_incref(kind, key)
        item_repr(kind, key, builder)
        item_decref(kind, key)
        pos = next_active(s, pos + 1)
    sb_append_byte(builder, u8(125))  # }
    return u64(0)


# ----- the kind's functions ---------------------------------------------------------

def set_traverse(s: u64, visit: u64, arg: u64) -> u64:
    """Call `visit(key, arg)` for every object key.  A set that `obj_new`
    has just made, not yet given its table by `set_new`, holds nothing: a
    collection can run inside `obj_new` and meet it there."""
    kind = key_kind(s)
    sp = Ptr[SetObject](s)
    if not item_is_object(kind) or sp[0].table == 0:
        return u64(0)
    pos = next_active(s, i64(0))
    while pos <= sp[0].mask:
        key = entry(sp[0].table, u64(pos))[0].key
        if key != 0:
            call_addr(visit, key, arg)
        pos = next_active(s, pos + 1)
    return u64(0)


def set_table_size(s: u64) -> i64:
    """Entries in the table: for tests that check that tables grow and
    shrink when CPython's do."""
    return Ptr[SetObject](s)[0].mask + 1


def set_size(s: u64) -> u64:
    return SET_SIZE


# ----- frozenset: the same object, with a hash and its own repr ----------------------

def shuffle_bits(h: u64) -> u64:
    """setobject.c's _shuffle_bits: spreads a key's hash over the word
    before it is xor-ed in, so that small hashes do not cancel out."""
    return ((h ^ u64(89869747)) ^ (h << 16)) * u64(3644798167)


def frozenset_hash(s: u64) -> u64:
    """hash(fs), as CPython 3.11 computes it (setobject.c's
    frozenset_hash): the xor of every key's shuffled hash, so that the
    order of the keys does not matter, then the count mixed in and the
    bits dispersed, so that nested frozensets do not collide.  (CPython
    xors in every slot of the table and then removes the empty and
    dummy ones' share; the active keys' share is what remains.)"""
    sp = Ptr[SetObject](s)
    h = u64(0)
    pos = next_active(s, i64(0))
    while pos <= sp[0].mask:
        h ^= shuffle_bits(entry(sp[0].table, u64(pos))[0].hash)
        pos = next_active(s, pos + 1)
    h ^= (u64(sp[0].used) + 1) * u64(1927868237)
    h ^= (h >> 11) ^ (h >> 25)
    h = h * u64(69069) + u64(907133923)
    if h == u64(0xFFFFFFFFFFFFFFFF):
        h = u64(590923713)
    return h


def frozenset_repr(s: u64, sb: u64) -> u64:
    """`frozenset({1, 2})`, and `frozenset()` when empty."""
    builder = Ptr[StrBuilder](sb)
    if Ptr[SetObject](s)[0].used == 0:
        sb_append_ascii(builder, b"frozenset()")
        return u64(0)
    sb_append_ascii(builder, b"frozenset(")
    set_repr(s, sb)
    sb_append_byte(builder, u8(41))  # )
    return u64(0)


def init() -> None:
    """Register set's kind functions (before any set is made)."""
    SET_OPS.clear = func_addr(set_clear)
    SET_OPS.traverse = func_addr(set_traverse)
    SET_OPS.size = func_addr(set_size)
    SET_OPS.hash = u64(0)  # unhashable
    SET_OPS.eq = func_addr(set_eq)
    SET_OPS.repr = func_addr(set_repr)
    register_kind(KIND_SET, addr_of(SET_OPS))
    FROZENSET_OPS.clear = func_addr(set_clear)
    FROZENSET_OPS.traverse = func_addr(set_traverse)
    FROZENSET_OPS.size = func_addr(set_size)
    FROZENSET_OPS.hash = func_addr(frozenset_hash)
    FROZENSET_OPS.eq = func_addr(set_eq)
    FROZENSET_OPS.repr = func_addr(frozenset_repr)
    register_kind(KIND_FROZENSET, addr_of(FROZENSET_OPS))
