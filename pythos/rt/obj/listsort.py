"""Sorting lists: `list.sort`, with and without `key=`, stable.

The general sort is a stable merge sort of a permutation (a list of
integers sorted by itself has a shortcut, `sort_ints`).  `order` holds
item indexes;
sorting compares the keys those indexes name, and only at the end are
the items moved, once each, into the sorted order.  Sorting indexes
rather than items is what lets a key= sort and a plain sort share the
code (the keys are a second, parallel list), and it keeps item widths
out of the inner loops (keys are loaded once into 8-byte slots).

Stability: an item moves ahead of an earlier one only when its key is
strictly less (insertion sort shifts only past greater keys; a merge
takes from the right run only when the right key is strictly less).
Equal keys therefore keep their original order, as CPython's sort
guarantees, and since a stable sort's result is unique, the order is
exactly CPython's.  reverse=True compares the other way round (greater
first), still moving items only past strictly smaller ones, which is
what CPython's reverse, sort, reverse gives: equal keys keep their
original order there too.

While a sort runs, the list is detached (`list_detach`): empty to any
code that looks, as in CPython.  This is list.py's sort, in a module of
its own because it is an algorithm of its own (docs/objects.md, "How
sort works, and why it is stable").
"""

from typing import Final

from pythos.lang import Ptr, addr_of, call_addr, i64, u32, u64
from pythos.rt.alloc import obj_alloc, obj_free
from pythos.rt.obj.items import item_is_int, item_lt, item_signed
from pythos.rt.obj.list import drop_buffer, load_at
from pythos.rt.obj.object import (
    ERR_NONE,
    ERR_VALUE,
    ListObject,
    error,
    item_decref,
    item_incref,
    item_load,
    item_size,
    item_store,
    obj_raise,
    str_from_ascii,
    type_of,
)

RUN: Final = i64(16)


def key_before(kind: u32, keys: Ptr[u64], a: i64, b: i64, reverse: bool) -> bool:
    """Whether the item at index `a` must come before the one at `b`
    (its key is strictly less, or strictly greater for reverse).  After a
    comparison has failed no more are made (CPython's sort stops there)."""
    x = keys[b] if reverse else keys[a]
    y = keys[a] if reverse else keys[b]
    # Integer keys, the common case, compare here without a call.
    if item_is_int(kind):
        if item_signed(kind):
            return i64(x) < i64(y)
        return x < y
    if error.kind != ERR_NONE:
        return False
    return item_lt(kind, x, y)


def sort_order(order: Ptr[i64], spare: Ptr[i64], count: i64, kind: u32, keys: Ptr[u64],
               reverse: bool) -> Ptr[i64]:
    """Sort `order[0:count]` by the keys it indexes; the sorted order is in
    `order` or `spare`, whichever is returned."""
    # Insertion sort on runs of RUN indexes: few comparisons on short runs.
    start = i64(0)
    while start < count:
        end = start + RUN if start + RUN < count else count
        i = start + 1
        while i < end:
            moving = order[i]
            j = i
            while j > start and key_before(kind, keys, moving, order[j - 1], reverse):
                order[j] = order[j - 1]
                j -= 1
            order[j] = moving
            i += 1
        start = end
    # Merge runs of `width` pairwise, doubling the width, between the
    # two arrays.
    source = order
    dest = spare
    width = RUN
    while width < count:
        low = i64(0)
        while low < count:
            mid = low + width if low + width < count else count
            high = mid + width if mid + width < count else count
            a = low
            b = mid
            out = low
            while a < mid and b < high:
                if key_before(kind, keys, source[b], source[a], reverse):
                    dest[out] = source[b]
                    b += 1
                else:
                    dest[out] = source[a]
                    a += 1
                out += 1
            while a < mid:
                dest[out] = source[a]
                a += 1
                out += 1
            while b < high:
                dest[out] = source[b]
                b += 1
                out += 1
            low = high
        swap = source
        source = dest
        dest = swap
        width *= 2
    return source


def sort_buffer(kind: u32, items: u64, n: i64, key_kind: u32, keys: Ptr[u64],
                reverse: bool) -> None:
    """Sort the `n` items of `kind` at `items` by the parallel key slots."""
    slots = Ptr[u64](obj_alloc(u64(n) * 8))
    order = Ptr[i64](obj_alloc(u64(n) * 8))
    spare = Ptr[i64](obj_alloc(u64(n) * 8))
    size = item_size(kind)
    for i in range(n):
        slots[i] = item_load(kind, items + u64(i) * size)
        order[i] = i
    sorted_order = sort_order(order, spare, n, key_kind, keys, reverse)
    if error.kind == ERR_NONE:
        for i in range(n):
            item_store(kind, items + u64(i) * size, slots[sorted_order[i]])
    obj_free(slots.addr, u64(n) * 8)
    obj_free(order.addr, u64(n) * 8)
    obj_free(spare.addr, u64(n) * 8)


def list_detach(lst: u64, saved: Ptr[ListObject]) -> None:
    """Empty `lst` for the length of a sort, keeping its buffer in `saved`.
    CPython does the same: key functions and comparisons see an empty
    list, and a change they make is found afterwards."""
    lo = Ptr[ListObject](lst)
    saved[0].items = lo[0].items
    saved[0].length = lo[0].length
    saved[0].capacity = lo[0].capacity
    lo[0].items = u64(0)
    lo[0].length = i64(0)
    lo[0].capacity = i64(0)


def list_reattach(lst: u64, saved: Ptr[ListObject]) -> None:
    """Give `lst` its buffer back after a sort.  If the list was changed in
    the meantime, what it holds now is dropped and the sort is CPython's
    `ValueError: list modified during sort`."""
    lo = Ptr[ListObject](lst)
    items = lo[0].items
    n = lo[0].length
    capacity = lo[0].capacity
    lo[0].items = saved[0].items
    lo[0].length = saved[0].length
    lo[0].capacity = saved[0].capacity
    if items != 0 or n != 0:
        drop_buffer(type_of(lst)[0].item, items, n, capacity)
        obj_raise(ERR_VALUE, str_from_ascii(b"list modified during sort"))


def list_sort_by(lst: u64, keys: u64, reverse: bool) -> None:
    """Sort `lst` in place by the parallel list `keys` (same length: item i
    is sorted as if it were keys[i]); `keys` is left as it was.  Stable:
    items with equal keys keep their order.  `lst.sort()` is
    `list_sort_by(lst, lst, reverse)`; for a key function the compiler
    computes the keys into a list of their own.  While the sort runs the
    list is empty to anything that looks (list_detach)."""
    n = Ptr[ListObject](lst)[0].length
    if n < 2:
        return
    key_kind = type_of(keys)[0].item
    key_slots = Ptr[u64](obj_alloc(u64(n) * 8))
    for i in range(n):
        key_slots[i] = load_at(keys, i)
    saved = ListObject()
    list_detach(lst, addr_of(saved))
    sort_buffer(type_of(lst)[0].item, saved.items, n, key_kind, key_slots, reverse)
    list_reattach(lst, addr_of(saved))
    obj_free(key_slots.addr, u64(n) * 8)


def int_before(x: u64, y: u64, signed: bool, reverse: bool) -> bool:
    if reverse:
        return i64(y) < i64(x) if signed else y < x
    return i64(x) < i64(y) if signed else x < y


def sort_ints(values: Ptr[u64], spare: Ptr[u64], count: i64, signed: bool,
              reverse: bool) -> Ptr[u64]:
    """sort_order for integers sorted by themselves: the values are moved
    directly, without the permutation (equal integers cannot be told
    apart, so the moves need not be counted), which saves the indirect
    loads that dominate a large sort.  Same runs and merges."""
    start = i64(0)
    while start < count:
        end = start + RUN if start + RUN < count else count
        for i in range(start + 1, end):
            moving = values[i]
            j = i
            while j > start and int_before(moving, values[j - 1], signed, reverse):
                values[j] = values[j - 1]
                j -= 1
            values[j] = moving
        start = end
    source = values
    dest = spare
    width = RUN
    while width < count:
        low = i64(0)
        while low < count:
            mid = low + width if low + width < count else count
            high = mid + width if mid + width < count else count
            a = low
            b = mid
            out = low
            while a < mid and b < high:
                if int_before(source[b], source[a], signed, reverse):
                    dest[out] = source[b]
                    b += 1
                else:
                    dest[out] = source[a]
                    a += 1
                out += 1
            while a < mid:
                dest[out] = source[a]
                a += 1
                out += 1
            while b < high:
                dest[out] = source[b]
                b += 1
                out += 1
            low = high
        swap = source
        source = dest
        dest = swap
        width *= 2
    return source


def list_sort(lst: u64, reverse: bool) -> None:
    """`lst.sort(reverse=reverse)`: stable, in CPython's exact order.  A
    list of integers runs no code of the program's while it sorts, and
    sorts its values directly (sort_ints)."""
    kind = type_of(lst)[0].item
    n = Ptr[ListObject](lst)[0].length
    if not item_is_int(kind) or n < 2:
        list_sort_by(lst, lst, reverse)
        return
    size = item_size(kind)
    items = Ptr[ListObject](lst)[0].items
    values = Ptr[u64](obj_alloc(u64(n) * 8))
    spare = Ptr[u64](obj_alloc(u64(n) * 8))
    for i in range(n):
        values[i] = item_load(kind, items + u64(i) * size)
    result = sort_ints(values, spare, n, item_signed(kind), reverse)
    for i in range(n):
        item_store(kind, items + u64(i) * size, result[i])
    obj_free(values.addr, u64(n) * 8)
    obj_free(spare.addr, u64(n) * 8)


def list_sort_key(lst: u64, key: u64, key_arg: u64, key_kind: u32, reverse: bool) -> None:
    """`lst.sort(key=f, reverse=reverse)`.  `key` is a function address
    (`func_addr`) called as `key(item, key_arg)`: the item a borrowed slot
    value, `key_arg` whatever the caller passes (a closure's environment,
    or 0), the result the key as a slot value of item kind `key_kind` (a
    new reference if it is an object).  As in CPython the list is empty
    while the keys are computed, each key once and in item order, and an
    error recorded by `key` stops the sort with the list as it was."""
    n = Ptr[ListObject](lst)[0].length
    if n == 0:
        return
    kind = type_of(lst)[0].item
    size = item_size(kind)
    keys = Ptr[u64](obj_alloc(u64(n) * 8))
    saved = ListObject()
    list_detach(lst, addr_of(saved))
    computed = i64(0)
    while computed < n:
        k = call_addr(key, item_load(kind, saved.items + u64(computed) * size), key_arg)
        if error.kind != ERR_NONE:
            break
        keys[computed] = k
        computed += 1
    if computed == n and n > 1:
        sort_buffer(kind, saved.items, n, key_kind, keys, reverse)
    for i in range(computed):
        item_decref(key_kind, keys[i])
    obj_free(keys.addr, u64(n) * 8)
    list_reattach(lst, addr_of(saved))


def list_min_key(lst: u64, key: u64, key_arg: u64, key_kind: u32, largest: bool) -> u64:
    """`min(lst, key=f)` (`max` if `largest`): the first item whose key is
    the smallest (largest), as CPython picks it: a later item replaces the
    best only if its key is strictly less (greater), so the first of equal
    items wins.  `key` is called as in `list_sort_key`, once per item in
    order; the list is read afresh at each step, as CPython's iterator
    reads it.  The result is the item as a slot value (a new reference if
    it is an object); an empty list is CPython's ValueError."""
    kind = type_of(lst)[0].item
    if Ptr[ListObject](lst)[0].length == 0:
        obj_raise(ERR_VALUE, str_from_ascii(b"max() arg is an empty sequence" if largest
                                            else b"min() arg is an empty sequence"))
        return u64(0)
    best = load_at(lst, i64(0))
    item_incref(kind, best)  # held while key functions run: they may change the list
    best_key = call_addr(key, best, key_arg)
    i = i64(1)
    while error.kind == ERR_NONE and i < Ptr[ListObject](lst)[0].length:
        item = load_at(lst, i)
        item_incref(kind, item)
        k = call_addr(key, item, key_arg)
        better = False
        if error.kind == ERR_NONE:
            better = item_lt(key_kind, best_key, k) if largest else item_lt(key_kind, k, best_key)
        if better:
            item_decref(key_kind, best_key)
            item_decref(kind, best)
            best_key = k
            best = item
        else:
            item_decref(key_kind, k)
            item_decref(kind, item)
        i += 1
    item_decref(key_kind, best_key)
    if error.kind != ERR_NONE:
        item_decref(kind, best)
        return u64(0)
    return best
