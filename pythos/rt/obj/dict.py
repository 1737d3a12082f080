"""dict: CPython's compact, ordered hash table (docs/objects.md, "Dicts and sets").

A dict keeps its items in two arrays in one buffer (`keys`)::

    keys ─▶ +---+---+---+---+---+---+---+---+  index: 1 << log2_size signed
            | 1 | - | 0 | - | x | - | 2 | - |  slots of 1, 2, 4 or 8 bytes
            +---+---+---+---+---+---+---+---+  (- empty, x deleted)
            | hash  | key   | value |  entry 0   entries: (hash, key, value),
            | hash  | key   | value |  entry 1   in insertion order, room for
            | NO_HASH (deleted)     |  entry 2   usable_fraction(size) of them
            |   ...                 |

A key's hash picks a slot in the sparse *index*, probing on in CPython's
perturbed order (`i = i*5 + perturb + 1`) past slots that hold other
keys; the slot holds the position of the key's entry in the dense
*entries* array.  New keys are appended to the entries, so walking them
in order gives insertion order for free, and the index, which is the
part that must stay sparse for probing to be fast, costs only one to
eight bytes a slot.

Deleting a key marks its index slot deleted (a probe must continue past
it) and its entry empty (`hash == NO_HASH`; no real hash is -1, CPython's
error value, so the pattern is free).  Entries are appended until the
array is full (`usable` reaches 0), then the table is rebuilt at a size
for `3 * used` items, which also squeezes out the deleted entries: the
order of the live ones does not change.

Keys and values are items (object.py): 8-byte slots whose kinds are the
dict type's `item` (keys) and `item2` (values).  Keys are hashed and
compared only through items.py, so int, str, tuple and instance keys all
take the same path.

Ownership: arguments are borrowed and results are new references, as
everywhere in the runtime; functions that hand out items through `*_out`
addresses write new references there too.
"""

from typing import Final

from pythos.lang import Ptr, addr_of, call_addr, func_addr, i8, i16, i32, i64, struct, u8, u32, u64
from pythos.rt.alloc import obj_alloc, obj_free
from pythos.rt.mem import memcpy, memset
from pythos.rt.obj.box import item_object
from pythos.rt.obj.items import (
    int_hash,
    int_tuple_hash,
    item_eq,
    item_hash,
    item_is_int,
    item_repr,
    item_signed,
    probe_eq,
    sb_append_ascii,
    str_items_eq,
)
from pythos.rt.obj.object import (
    ERR_KEY,
    ERR_RUNTIME,
    ERR_TYPE,
    INT_ITEMS,
    KIND_DICT,
    KIND_TUPLE,
    KindOps,
    StrBuilder,
    item_decref,
    item_incref,
    item_is_object,
    obj_new,
    obj_raise,
    register_kind,
    sb_append_byte,
    sb_append_str,
    sb_finish,
    str_from_ascii,
    type_of,
)
from pythos.rt.obj.tuple import tuple_item, tuple_len


@struct
class DictObject:
    refcnt: i64
    type: u64
    used: i64  # live items: len(d)
    log2_size: i64  # the index has 1 << log2_size slots (0 while `keys` is 0)
    usable: i64  # entries that can still be appended before the table must grow
    nentries: i64  # entries appended so far, deleted ones included
    keys: u64  # the index, then the entries (obj_alloc'd), or 0 for an empty table


@struct
class DictEntry:
    hash: u64  # NO_HASH: deleted (the key and value slots are then 0)
    key: u64
    value: u64


@struct
class DictIter:
    """Where a `for` over a dict is: kept by the compiled loop (on its
    stack) and passed to `dict_next`.  `used` is the dict's length when the
    loop began, which is how a change of size is noticed, as in CPython."""

    pos: i64  # the next entry to look at
    used: i64  # the dict's `used` at the start; -1 after an error
    remaining: i64  # items still to produce


DICT_SIZE: Final = u64(56)
ENTRY_SIZE: Final = u64(24)
# Index slot values besides an entry's position.
IX_EMPTY: Final = i64(-1)
IX_DUMMY: Final = i64(-2)
# No hash is -1 (CPython reserves it for errors), so it marks a deleted entry.
NO_HASH: Final = u64(0xFFFFFFFFFFFFFFFF)
LOG2_MINSIZE: Final = i64(3)  # the smallest table: 8 index slots, 5 entries
LOG2_MAX_PRESIZE: Final = i64(17)  # dict_new's size hint is believed up to here
PERTURB_SHIFT: Final = u64(5)

DICT_OPS = KindOps()


# ----- the table ------------------------------------------------------------------------

def usable_fraction(size: i64) -> i64:
    """Entries a table of `size` index slots holds: two thirds, which keeps
    probe sequences short."""
    return (size << 1) // 3


def log2_for(minsize: i64) -> i64:
    """CPython's table size for `minsize` slots (calculate_log2_keysize),
    bit for bit: the smallest power of two at least `minsize` from 8 up,
    but 16, not 8, for 1 to 7.  The quirk comes from its bit trick; it
    decides when a dict next grows and compacts, which a program can see
    (an iteration that a deletion and re-insertion disturb), so it is kept."""
    bits = ((minsize | 8) - 1) | 7
    log2 = i64(0)
    while bits != 0:
        bits >>= 1
        log2 += 1
    return log2


def log2_for_items(n: i64) -> i64:
    """A table size that holds `n` items without growing."""
    return log2_for((n * 3 + 1) // 2)


def index_width(log2: i64) -> u64:
    """Bytes per index slot: the narrowest signed type that holds every
    entry position of a table of this size."""
    if log2 < 8:
        return u64(1)
    if log2 < 16:
        return u64(2)
    if log2 < 32:
        return u64(4)
    return u64(8)


def table_bytes(log2: i64) -> u64:
    size = i64(1) << log2
    return u64(size) * index_width(log2) + u64(usable_fraction(size)) * ENTRY_SIZE


def entries_of(keys: u64, log2: i64) -> u64:
    return keys + (u64(1) << u64(log2)) * index_width(log2)


def entry_at(keys: u64, log2: i64, ix: i64) -> Ptr[DictEntry]:
    return Ptr[DictEntry](entries_of(keys, log2) + u64(ix) * ENTRY_SIZE)


def index_get(keys: u64, log2: i64, slot: u64) -> i64:
    return index_load(keys, index_width(log2), slot)


def index_load(keys: u64, width: u64, slot: u64) -> i64:
    """Index slot `slot` of a table whose slots are `width` bytes: one load
    where `width` is a constant (`probe`)."""
    if width == 1:
        return i64(Ptr[i8](keys)[slot])
    if width == 2:
        return i64(Ptr[i16](keys)[slot])
    if width == 4:
        return i64(Ptr[i32](keys)[slot])
    return Ptr[i64](keys)[slot]


def index_set(keys: u64, log2: i64, slot: u64, ix: i64) -> None:
    width = index_width(log2)
    if width == 1:
        Ptr[i8](keys)[slot] = i8(ix)
    elif width == 2:
        Ptr[i16](keys)[slot] = i16(ix)
    elif width == 4:
        Ptr[i32](keys)[slot] = i32(ix)
    else:
        Ptr[i64](keys)[slot] = ix


def key_hash(kind: u32, key: u64) -> u64:
    """hash(key), never NO_HASH (CPython never hashes to -1 either)."""
    h = item_hash(kind, key)
    return NO_HASH - 1 if h == NO_HASH else h


def hash_key(kind: u32, key: u64) -> u64:
    """`key_hash`, called by compiled code that hashes a key once for
    several lookups (pythos/ir/passes/keyhash.py), with `kind` a constant
    there: inlined, an integer is hashed with a compare or two and a tuple
    of integers with a direct call of its leaf (neither ever gives
    NO_HASH); any other key goes through `item_hash`."""
    if item_is_int(kind):
        return int_hash(key, item_signed(kind))
    if key != 0:
        info = type_of(key)
        if info[0].kind == KIND_TUPLE and (info[0].flags & INT_ITEMS) != 0:
            return int_tuple_hash(key, info)
    return key_hash(kind, key)


def lookup(d: Ptr[DictObject], kind: u32, key: u64, h: u64) -> i64:
    """The index slot holding `key` (whose hash is `h`), or -1.

    The table's index width is tested once, not at every probe: each
    width has its own copy of the probe loop (`probe`, inlined with the
    width a constant)."""
    keys = d[0].keys
    if keys == 0:
        return i64(-1)
    log2 = d[0].log2_size
    if log2 < 8:
        return probe(d, kind, key, h, u64(1))
    if log2 < 16:
        return probe(d, kind, key, h, u64(2))
    if log2 < 32:
        return probe(d, kind, key, h, u64(4))
    return probe(d, kind, key, h, u64(8))


def probe(d: Ptr[DictObject], kind: u32, key: u64, h: u64, width: u64) -> i64:
    """`lookup` in a table with `width`-byte index slots, for the keys whose
    comparisons run no user code: the same key, or an equal one by
    `probe_eq` (an int, a str, a tuple of integers).  The first entry with
    the same hash that only `item_eq` can decide hands the whole search to
    `lookup_any`: the entries before it were passed without user code, so
    starting again there changes nothing a program can see, and this loop
    keeps no state across a call that could change the table."""
    keys = d[0].keys
    log2 = d[0].log2_size
    mask = (u64(1) << u64(log2)) - 1
    entries = keys + (mask + 1) * width
    slot = h & mask
    perturb = h
    while True:
        ix = index_load(keys, width, slot)
        if ix == IX_EMPTY:
            return i64(-1)
        if ix >= 0:
            e = Ptr[DictEntry](entries + u64(ix) * ENTRY_SIZE)
            start = e[0].key
            if start == key:
                return i64(slot)
            if e[0].hash == h and item_is_object(kind):
                plain = probe_eq(kind, start, key)
                if plain == 1:
                    return i64(slot)
                if plain < 0:
                    return lookup_any(d, kind, key, h)
        perturb >>= PERTURB_SHIFT
        slot = (slot * 5 + perturb + 1) & mask


def lookup_any(d: Ptr[DictObject], kind: u32, key: u64, h: u64) -> i64:
    """`lookup` for any keys, comparing with `item_eq` where `probe_eq`
    can not tell.  A key's `__eq__` is user code and may change this very
    dict; as CPython does, a lookup that sees the table or the compared
    entry change under it starts again."""
    while True:
        keys = d[0].keys
        if keys == 0:
            return i64(-1)
        log2 = d[0].log2_size
        mask = (u64(1) << u64(log2)) - 1
        slot = h & mask
        perturb = h
        changed = False
        while not changed:
            ix = index_get(keys, log2, slot)
            if ix == IX_EMPTY:
                return i64(-1)
            if ix >= 0:
                e = entry_at(keys, log2, ix)
                start = e[0].key
                if start == key:
                    return i64(slot)
                if e[0].hash == h and item_is_object(kind):
                    plain = probe_eq(kind, start, key)
                    if plain == 1:
                        return i64(slot)
                    if plain < 0:
                        item_incref(kind, start)
                        same = item_eq(kind, start, key)
                        changed = d[0].keys != keys or e[0].key != start
                        item_decref(kind, start)
                        if same and not changed:
                            return i64(slot)
            perturb >>= PERTURB_SHIFT
            slot = (slot * 5 + perturb + 1) & mask


def free_slot(keys: u64, log2: i64, h: u64) -> u64:
    """The first slot on `h`'s probe sequence that holds no entry (empty or
    deleted), where a new key goes."""
    mask = (u64(1) << u64(log2)) - 1
    slot = h & mask
    perturb = h
    while index_get(keys, log2, slot) >= 0:
        perturb >>= PERTURB_SHIFT
        slot = (slot * 5 + perturb + 1) & mask
    return slot


def resize(d: Ptr[DictObject], log2: i64) -> None:
    """Rebuild the table at 1 << log2 slots, keeping the live entries in
    order and dropping the deleted ones."""
    old = d[0].keys
    old_log2 = d[0].log2_size
    count = d[0].nentries
    keys = obj_alloc(table_bytes(log2))
    size = u64(1) << u64(log2)
    memset(Ptr[u8](keys), i32(0xFF), size * index_width(log2))  # every slot IX_EMPTY
    n = i64(0)
    for i in range(count):
        src = entry_at(old, old_log2, i)
        if src[0].hash == NO_HASH:
            continue
        dst = entry_at(keys, log2, n)
        dst[0].hash = src[0].hash
        dst[0].key = src[0].key
        dst[0].value = src[0].value
        index_set(keys, log2, free_slot(keys, log2, src[0].hash), n)
        n += 1
    d[0].keys = keys
    d[0].log2_size = log2
    d[0].nentries = n
    d[0].usable = usable_fraction(i64(size)) - n
    if old != 0:
        obj_free(old, table_bytes(old_log2))


def insert_new(d: Ptr[DictObject], h: u64, key: u64, value: u64) -> None:
    """Append an item whose key is not in the dict (the references are the
    caller's, handed over)."""
    if d[0].usable <= 0:
        resize(d, log2_for(d[0].used * 3))
    keys = d[0].keys
    log2 = d[0].log2_size
    ix = d[0].nentries
    e = entry_at(keys, log2, ix)
    e[0].hash = h
    e[0].key = key
    e[0].value = value
    index_set(keys, log2, free_slot(keys, log2, h), ix)
    d[0].nentries = ix + 1
    d[0].usable -= 1
    d[0].used += 1


def remove_at(d: Ptr[DictObject], slot: u64) -> Ptr[DictEntry]:
    """Delete the item at index slot `slot`; its entry, for the caller to
    take the key and value references from and then clear."""
    keys = d[0].keys
    log2 = d[0].log2_size
    e = entry_at(keys, log2, index_get(keys, log2, slot))
    index_set(keys, log2, slot, IX_DUMMY)
    e[0].hash = NO_HASH
    d[0].used -= 1
    return e


def raise_key_error(kind: u32, key: u64) -> None:
    """KeyError of `key`, an item of kind `kind`: its message is the key
    itself, as an object (an integer boxed, None 0), which CPython keeps
    as the exception's argument (`e.args == (key,)`); the report shows
    its repr (`KeyError: 'x'`, report.py)."""
    obj_raise(ERR_KEY, item_object(kind, key))


# ----- the functions the compiler calls ---------------------------------------------

def dict_new(ti: u64, size_hint: i64) -> u64:
    """A new, empty dict of type `ti`, with room for `size_hint` items
    before it must grow."""
    d = obj_new(ti, DICT_SIZE)
    if size_hint > usable_fraction(i64(1) << LOG2_MINSIZE):
        log2 = LOG2_MAX_PRESIZE
        if size_hint <= usable_fraction(i64(1) << LOG2_MAX_PRESIZE):
            log2 = log2_for_items(size_hint)
        resize(Ptr[DictObject](d), log2)
    return d


def dict_from_items(ti: u64, items: u64, n: i64) -> u64:
    """A dict literal: `n` (key, value) pairs, borrowed, as 2n slots at
    `items`.  A repeated key keeps its first position and its last value,
    as in CPython."""
    d = dict_new(ti, n)
    p = Ptr[u64](items)
    for i in range(n):
        dict_setitem(d, p[2 * i], p[2 * i + 1])
    return d


def dict_len(d: u64) -> i64:
    return Ptr[DictObject](d)[0].used


def dict_contains(d: u64, key: u64) -> bool:
    """key in d."""
    return dict_contains_h(d, key, key_hash(type_of(d)[0].item, key))


def dict_contains_h(d: u64, key: u64, h: u64) -> bool:
    """key in d, with the key's hash `h` (`hash_key`) given: the `_h` forms
    of these functions are what compiled code calls for a key it hashed
    once for several lookups (pythos/ir/passes/keyhash.py)."""
    return lookup(Ptr[DictObject](d), type_of(d)[0].item, key, h) >= 0


def value_at(dp: Ptr[DictObject], slot: i64) -> u64:
    keys = dp[0].keys
    log2 = dp[0].log2_size
    return entry_at(keys, log2, index_get(keys, log2, u64(slot)))[0].value


def dict_find(d: u64, key: u64) -> i64:
    """The index slot of `key` in `d`, or -1: the lookup half of
    `dict_getitem` and `dict_get`, which the compiler calls on its own
    when the same key of the same dict is stored next, with nothing in
    between that could change the dict (pythos/ir/passes/dictslots.py);
    the store then reuses the slot (`dict_set_at`)."""
    return dict_find_h(d, key, key_hash(type_of(d)[0].item, key))


def dict_find_h(d: u64, key: u64, h: u64) -> i64:
    """`dict_find` of a key whose hash is `h`."""
    return lookup(Ptr[DictObject](d), type_of(d)[0].item, key, h)


def dict_getitem_at(d: u64, slot: i64, key: u64) -> u64:
    """d[key] (new reference), `key` found at `slot` by `dict_find`;
    KeyError if it was absent."""
    info = type_of(d)
    if slot < 0:
        raise_key_error(info[0].item, key)
        return u64(0)
    value = value_at(Ptr[DictObject](d), slot)
    item_incref(info[0].item2, value)
    return value


def dict_getitem(d: u64, key: u64) -> u64:
    """d[key] (new reference); KeyError if absent."""
    return dict_getitem_at(d, dict_find(d, key), key)


def dict_getitem_h(d: u64, key: u64, h: u64) -> u64:
    """`dict_getitem` of a key whose hash is `h`."""
    return dict_getitem_at(d, dict_find_h(d, key, h), key)


def dict_get_at(d: u64, slot: i64, default: u64, has_default: bool) -> u64:
    """`dict_get` of the key `dict_find` found at `slot` (-1: absent)."""
    value = value_at(Ptr[DictObject](d), slot) if slot >= 0 else (
        default if has_default else u64(0))
    item_incref(type_of(d)[0].item2, value)
    return value


def dict_get(d: u64, key: u64, default: u64, has_default: bool) -> u64:
    """d.get(key) or d.get(key, default) (new reference): the default, or
    None (0) without one, when the key is absent."""
    return dict_get_at(d, dict_find(d, key), default, has_default)


def dict_lookup(d: u64, key: u64, value_out: u64) -> bool:
    """Whether `key` is in `d`, writing its value (new reference) to
    `value_out` if so: `d.get(key)` where the value type is an integer,
    whose 0 can not stand for None."""
    info = type_of(d)
    dp = Ptr[DictObject](d)
    slot = lookup(dp, info[0].item, key, key_hash(info[0].item, key))
    if slot < 0:
        return False
    value = value_at(dp, slot)
    item_incref(info[0].item2, value)
    Ptr[u64](value_out)[0] = value
    return True


def dict_setitem(d: u64, key: u64, value: u64) -> None:
    """d[key] = value.  A key already present keeps its place."""
    dict_setitem_h(d, key, value, key_hash(type_of(d)[0].item, key))


def dict_setitem_h(d: u64, key: u64, value: u64, h: u64) -> None:
    """`dict_setitem` of a key whose hash is `h`."""
    info = type_of(d)
    kind = info[0].item
    vkind = info[0].item2
    dp = Ptr[DictObject](d)
    item_incref(vkind, value)
    slot = lookup(dp, kind, key, h)
    if slot >= 0:
        replace_value(dp, vkind, slot, value)
        return
    item_incref(kind, key)
    insert_new(dp, h, key, value)


def replace_value(dp: Ptr[DictObject], vkind: u32, slot: i64, value: u64) -> None:
    """Store `value` (a reference handed over) in the entry at index slot
    `slot`, then drop the value it held."""
    keys = dp[0].keys
    log2 = dp[0].log2_size
    e = entry_at(keys, log2, index_get(keys, log2, u64(slot)))
    old = e[0].value
    e[0].value = value
    item_decref(vkind, old)


def dict_set_at(d: u64, slot: i64, key: u64, value: u64) -> None:
    """d[key] = value, where `dict_find` found `key` at `slot` (-1: absent)
    and nothing has changed the dict since: no second probe, and for an
    absent key no second comparison either, only a free slot to find.
    The key's hash is needed only then (cached in a str, computed from
    an integer: no user code is run, which is why the compiler pairs
    the two only for such keys)."""
    h = key_hash(type_of(d)[0].item, key) if slot < 0 else u64(0)
    dict_set_at_h(d, slot, key, value, h)


def dict_set_at_h(d: u64, slot: i64, key: u64, value: u64, h: u64) -> None:
    """`dict_set_at` of a key whose hash is `h` (read only if absent)."""
    info = type_of(d)
    dp = Ptr[DictObject](d)
    item_incref(info[0].item2, value)
    if slot >= 0:
        replace_value(dp, info[0].item2, slot, value)
        return
    item_incref(info[0].item, key)
    insert_new(dp, h, key, value)


def dict_delitem(d: u64, key: u64) -> None:
    """del d[key]; KeyError if absent."""
    info = type_of(d)
    dp = Ptr[DictObject](d)
    slot = lookup(dp, info[0].item, key, key_hash(info[0].item, key))
    if slot < 0:
        raise_key_error(info[0].item, key)
        return
    e = remove_at(dp, u64(slot))
    old_key = e[0].key
    old_value = e[0].value
    e[0].key = u64(0)
    e[0].value = u64(0)
    item_decref(info[0].item, old_key)
    item_decref(info[0].item2, old_value)


def dict_pop(d: u64, key: u64, default: u64, has_default: bool) -> u64:
    """d.pop(key) or d.pop(key, default): the removed value (the dict's
    reference, handed to the caller), else the default (new reference);
    KeyError if absent without a default."""
    info = type_of(d)
    dp = Ptr[DictObject](d)
    slot = lookup(dp, info[0].item, key, key_hash(info[0].item, key))
    if slot < 0:
        if not has_default:
            raise_key_error(info[0].item, key)
            return u64(0)
        item_incref(info[0].item2, default)
        return default
    e = remove_at(dp, u64(slot))
    old_key = e[0].key
    value = e[0].value
    e[0].key = u64(0)
    e[0].value = u64(0)
    item_decref(info[0].item, old_key)
    return value


def dict_popitem(d: u64, key_out: u64, value_out: u64) -> None:
    """d.popitem(): removes the last item inserted and writes its key and
    value (references handed to the caller) to `key_out` and `value_out`;
    KeyError if the dict is empty."""
    dp = Ptr[DictObject](d)
    if dp[0].used == 0:
        obj_raise(ERR_KEY, str_from_ascii(b"popitem(): dictionary is empty"))
        return
    keys = dp[0].keys
    log2 = dp[0].log2_size
    i = dp[0].nentries - 1
    while entry_at(keys, log2, i)[0].hash == NO_HASH:
        i -= 1
    e = entry_at(keys, log2, i)
    # Find the index slot that points at entry i: the entry's own probe sequence.
    mask = (u64(1) << u64(log2)) - 1
    slot = e[0].hash & mask
    perturb = e[0].hash
    while index_get(keys, log2, slot) != i:
        perturb >>= PERTURB_SHIFT
        slot = (slot * 5 + perturb + 1) & mask
    index_set(keys, log2, slot, IX_DUMMY)
    Ptr[u64](key_out)[0] = e[0].key
    Ptr[u64](value_out)[0] = e[0].value
    e[0].hash = NO_HASH
    e[0].key = u64(0)
    e[0].value = u64(0)
    # As in CPython, the entries after the last live one are free again,
    # but `usable` stays: the deleted slot still lengthens probes.
    dp[0].nentries = i
    dp[0].used -= 1


def dict_setdefault(d: u64, key: u64, default: u64) -> u64:
    """d.setdefault(key, default): the value (new reference), after
    inserting `default` if the key was absent."""
    info = type_of(d)
    kind = info[0].item
    vkind = info[0].item2
    dp = Ptr[DictObject](d)
    h = key_hash(kind, key)
    slot = lookup(dp, kind, key, h)
    if slot >= 0:
        value = value_at(dp, slot)
        item_incref(vkind, value)
        return value
    item_incref(kind, key)
    item_incref(vkind, default)
    insert_new(dp, h, key, default)
    item_incref(vkind, default)
    return default


def dict_update(d: u64, other: u64) -> None:
    """d.update(other) for a dict `other` of the same type: each of its
    items in order, a key already in `d` taking the new value in place."""
    if other == d:
        return
    dp = Ptr[DictObject](d)
    op = Ptr[DictObject](other)
    if op[0].used == 0:
        return
    if dp[0].used == 0 and op[0].used == op[0].nentries and (
            op[0].log2_size == LOG2_MINSIZE
            or usable_fraction((i64(1) << op[0].log2_size) // 2) < op[0].used):
        # Into an empty dict from one without deleted entries and not too
        # sparse: take a copy of its whole table, as CPython does.
        clone_table(d, other)
        return
    # One resize up front rather than several on the way, expecting few
    # keys in common (CPython's dict_merge does the same).
    if usable_fraction(i64(1) << dp[0].log2_size) < op[0].used:
        resize(dp, log2_for_items(dp[0].used + op[0].used))
    i = i64(0)
    while i < op[0].nentries:
        e = entry_at(op[0].keys, op[0].log2_size, i)
        if e[0].hash != NO_HASH:
            dict_setitem(d, e[0].key, e[0].value)
        i += 1


# ----- **kwargs ---------------------------------------------------------------------------

def kwargs_clash(fname: u64, key: u64, keyword: bool) -> None:
    """CPython's TypeError for a keyword given twice to `fname` (a str):
    twice into **kwargs (`keyword`), or to a named parameter."""
    sb = StrBuilder()
    out = addr_of(sb)
    sb_append_str(out, fname)
    if keyword:
        sb_append_ascii(out, b"() got multiple values for keyword argument '")
    else:
        sb_append_ascii(out, b"() got multiple values for argument '")
    sb_append_str(out, key)
    sb_append_byte(out, u8(39))
    obj_raise(ERR_TYPE, sb_finish(out))


def dict_set_kwarg(d: u64, key: u64, value: u64, fname: u64) -> None:
    """`f(**m, x=v)`: the keyword x into the **kwargs dict `d` of a call
    that spreads a mapping; TypeError if an item of m gave it already."""
    if dict_contains(d, key):
        kwargs_clash(fname, key, True)
        return
    dict_setitem(d, key, value)


def dict_merge_kwargs(d: u64, other: u64, fname: u64, full: u64, names: u64) -> None:
    """`f(**other)`: other's items, in order, into the **kwargs dict `d`.
    A key that names a parameter of f (`names`, a tuple of str, or 0 for
    none: the call gives them all) or that is in `d` already is CPython's
    TypeError, reported with f's qualified name `fname` or, for the
    second, its module-qualified name `full`."""
    op = Ptr[DictObject](other)
    i = i64(0)
    while i < op[0].nentries:
        e = entry_at(op[0].keys, op[0].log2_size, i)
        if e[0].hash != NO_HASH:
            if names != 0:
                for k in range(tuple_len(names)):
                    if str_items_eq(tuple_item(names, k), e[0].key):
                        kwargs_clash(fname, e[0].key, False)
                        return
            if dict_contains(d, e[0].key):
                kwargs_clash(full, e[0].key, True)
                return
            dict_setitem(d, e[0].key, e[0].value)
        i += 1


def dict_no_kwargs_left(d: u64, fname: u64) -> None:
    """`f(**m)` of a function without **kwargs: after the parameters took
    their keys, any key left is CPython's TypeError (the first, in order)."""
    dp = Ptr[DictObject](d)
    i = i64(0)
    while i < dp[0].nentries:
        e = entry_at(dp[0].keys, dp[0].log2_size, i)
        if e[0].hash != NO_HASH:
            sb = StrBuilder()
            out = addr_of(sb)
            sb_append_str(out, fname)
            sb_append_ascii(out, b"() got an unexpected keyword argument '")
            sb_append_str(out, e[0].key)
            sb_append_byte(out, u8(39))
            obj_raise(ERR_TYPE, sb_finish(out))
            return
        i += 1


def dict_copy(d: u64) -> u64:
    """d.copy(): a new dict of the same type, with the same items in the
    same order (keys and values shared, not copied)."""
    dp = Ptr[DictObject](d)
    copy = dict_new(dp[0].type, i64(0))
    if dp[0].used == 0:
        return copy
    if dp[0].used >= (dp[0].nentries * 2) // 3:
        # At most a third of the entries deleted: copy the table as it is
        # (CPython's fast copy), deleted entries and all.
        clone_table(copy, d)
    else:
        dict_update(copy, d)
    return copy


def clone_table(d: u64, source: u64) -> None:
    """Give `d` (which holds no items) a copy of `source`'s table, taking
    references to its keys and values."""
    dict_clear(d)
    dp = Ptr[DictObject](d)
    sp = Ptr[DictObject](source)
    log2 = sp[0].log2_size
    nbytes = table_bytes(log2)
    keys = obj_alloc(nbytes)
    memcpy(Ptr[u8](keys), Ptr[u8](sp[0].keys), nbytes)
    info = type_of(d)
    for i in range(sp[0].nentries):
        e = entry_at(keys, log2, i)
        if e[0].hash != NO_HASH:
            item_incref(info[0].item, e[0].key)
            item_incref(info[0].item2, e[0].value)
    dp[0].keys = keys
    dp[0].log2_size = log2
    dp[0].used = sp[0].used
    dp[0].usable = sp[0].usable
    dp[0].nentries = sp[0].nentries


def dict_clear(d: u64) -> u64:
    """d.clear().  The table is detached before any reference is dropped,
    so whatever a release does, it sees an empty dict.  Also the kind's
    `clear`, which leaves the dict valid (the cycle collector clears live
    objects)."""
    dp = Ptr[DictObject](d)
    keys = dp[0].keys
    log2 = dp[0].log2_size
    count = dp[0].nentries
    dp[0].keys = u64(0)
    dp[0].log2_size = i64(0)
    dp[0].used = i64(0)
    dp[0].usable = i64(0)
    dp[0].nentries = i64(0)
    if keys == 0:
        return u64(0)
    info = type_of(d)
    for i in range(count):
        e = entry_at(keys, log2, i)
        if e[0].hash != NO_HASH:
            item_decref(info[0].item, e[0].key)
            item_decref(info[0].item2, e[0].value)
    obj_free(keys, table_bytes(log2))
    return u64(0)


def dict_eq(a: u64, b: u64) -> u64:
    """a == b: the same keys, each with an equal value (order does not
    matter).  1 or 0."""
    ap = Ptr[DictObject](a)
    bp = Ptr[DictObject](b)
    if ap[0].used != bp[0].used:
        return u64(0)
    info = type_of(a)
    kind = info[0].item
    vkind = info[0].item2
    i = i64(0)
    while i < ap[0].nentries:
        e = entry_at(ap[0].keys, ap[0].log2_size, i)
        if e[0].hash != NO_HASH:
            key = e[0].key
            value = e[0].value
            # Hold both while user __eq__ code may run.
            item_incref(kind, key)
            item_incref(vkind, value)
            slot = lookup(bp, kind, key, e[0].hash)
            same = slot >= 0
            if same:
                other = value_at(bp, slot)
                item_incref(vkind, other)
                same = item_eq(vkind, value, other)
                item_decref(vkind, other)
            item_decref(kind, key)
            item_decref(vkind, value)
            if not same:
                return u64(0)
        i += 1
    return u64(1)


# ----- iteration --------------------------------------------------------------------

def dict_iter_start(d: u64, it: u64) -> None:
    """Begin a `for` over `d` (its keys, values or items) with the state at
    `it`, a DictIter."""
    state = Ptr[DictIter](it)
    state[0].pos = i64(0)
    state[0].used = Ptr[DictObject](d)[0].used
    state[0].remaining = state[0].used


def dict_next(d: u64, it: u64, key_out: u64, value_out: u64) -> bool:
    """The next item of a `for` over `d`: True, with the key and value
    (new references) written to `key_out` and `value_out` (either address
    may be 0: not wanted), or False at the end.  RuntimeError, as in
    CPython, if the dict changed size since `dict_iter_start`, or kept its
    size but not its keys so that more items turn up than it had."""
    state = Ptr[DictIter](it)
    dp = Ptr[DictObject](d)
    if state[0].used != dp[0].used:
        state[0].used = i64(-1)  # stay failed
        obj_raise(ERR_RUNTIME, str_from_ascii(b"dictionary changed size during iteration"))
        return False
    i = state[0].pos
    n = dp[0].nentries
    if i >= n:
        return False
    entries = entries_of(dp[0].keys, dp[0].log2_size)
    while i < n and Ptr[DictEntry](entries + u64(i) * ENTRY_SIZE)[0].hash == NO_HASH:
        i += 1
    if i >= n:
        state[0].pos = i
        return False
    if state[0].remaining == 0:
        state[0].used = i64(-1)
        obj_raise(ERR_RUNTIME, str_from_ascii(b"dictionary keys changed during iteration"))
        return False
    state[0].pos = i + 1
    state[0].remaining -= 1
    e = Ptr[DictEntry](entries + u64(i) * ENTRY_SIZE)
    info = type_of(d)
    if key_out != 0:
        item_incref(info[0].item, e[0].key)
        Ptr[u64](key_out)[0] = e[0].key
    if value_out != 0:
        item_incref(info[0].item2, e[0].value)
        Ptr[u64](value_out)[0] = e[0].value
    return True


# ----- text -------------------------------------------------------------------------

def dict_repr(d: u64, sb: u64) -> u64:
    """Append repr(d) to the StrBuilder at `sb`: `{'a': 1, 2: [3]}`, `{}`."""
    builder = Ptr[StrBuilder](sb)
    dp = Ptr[DictObject](d)
    info = type_of(d)
    sb_append_byte(builder, u8(123))  # {
    first = True
    i = i64(0)
    # The entries are re-read each time round: an item's repr is user code.
    while i < dp[0].nentries:
        e = entry_at(dp[0].keys, dp[0].log2_size, i)
        if e[0].hash != NO_HASH:
            key = e[0].key
            value = e[0].value
            item_incref(info[0].item, key)
            item_incref(info[0].item2, value)
            if not first:
                sb_append_ascii(builder, b", ")
            first = False
            item_repr(info[0].item, key, builder)
            sb_append_ascii(builder, b": ")
            item_repr(info[0].item2, value, builder)
            item_decref(info[0].item, key)
            item_decref(info[0].item2, value)
        i += 1
    sb_append_byte(builder, u8(125))  # }
    return u64(0)


# ----- the kind's functions ---------------------------------------------------------

def dict_traverse(d: u64, visit: u64, arg: u64) -> u64:
    """Call `visit(child, arg)` for every object key and value."""
    dp = Ptr[DictObject](d)
    info = type_of(d)
    key_objects = item_is_object(info[0].item)
    value_objects = item_is_object(info[0].item2)
    if not key_objects and not value_objects:
        return u64(0)
    for i in range(dp[0].nentries):
        e = entry_at(dp[0].keys, dp[0].log2_size, i)
        if e[0].hash == NO_HASH:
            continue
        if key_objects and e[0].key != 0:
            call_addr(visit, e[0].key, arg)
        if value_objects and e[0].value != 0:
            call_addr(visit, e[0].value, arg)
    return u64(0)


def dict_table_size(d: u64) -> i64:
    """Slots in the index (0 while the dict has no table): for tests that
    check that tables grow when CPython's do."""
    dp = Ptr[DictObject](d)
    return i64(0) if dp[0].keys == 0 else i64(1) << dp[0].log2_size


def dict_size(d: u64) -> u64:
    return DICT_SIZE


def init() -> None:
    """Register dict's kind functions (before any dict is made)."""
    DICT_OPS.clear = func_addr(dict_clear)
    DICT_OPS.traverse = func_addr(dict_traverse)
    DICT_OPS.size = func_addr(dict_size)
    DICT_OPS.hash = u64(0)  # unhashable
    DICT_OPS.eq = func_addr(dict_eq)
    DICT_OPS.repr = func_addr(dict_repr)
    register_kind(KIND_DICT, addr_of(DICT_OPS))
