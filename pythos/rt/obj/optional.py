"""Values that may be None, of any type, and the generic operations on
any object: its truth, its text, equality and hash().

The compiler represents every `T | None` as one 64-bit word that is 0
for None (docs/objects.md, "Optional values"): an object or a str is
its address already, and an integer or a bool that may be None is
*boxed* (box.py), so that `int | None` is an object like the others and
can sit in a container as an `ITEM_OPT` item.  The functions here are
what compiled code calls on such a word when it cannot know its kind:

- `opt_box` makes the box of an integer of any item kind (the runtime's
  own int and bool boxes for `int` and `bool`, which share the small
  ones as CPython does; one TypeInfo per other integer kind, made here);
- `opt_truth` is Python's truth of an object or None;
- `opt_text` is `str()` or `repr()` of an object or None, as a new str;
- `opt_eq` is `==` of two objects or None, through their kinds;
- `opt_hash` is `hash()` of an object or None, as CPython computes it
  where CPython is deterministic (integers, bools, tuples of them).
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, call_addr, i64, u32, u64
from pythos.rt.obj.box import box_of, box_value
from pythos.rt.obj.dict import dict_lookup
from pythos.rt.obj.items import item_eq, item_hash, item_repr, item_str
from pythos.rt.obj.object import (
    ITEM_OPT,
    KIND_BOX,
    KIND_FROZENSET,
    KIND_INSTANCE,
    KIND_SET,
    StrBuilder,
    sb_finish,
    type_of,
)

# Offsets of a length after the 16-byte header: the first field, and a
# set's `used` (after its `fill`).
FIRST_FIELD: Final = u64(16)
SET_USED: Final = u64(24)


def opt_box(kind: u32, value: u64) -> u64:
    """A box holding `value`, an integer of item kind `kind` as a slot
    (sign-extended if signed): a new reference."""
    return box_of(kind, value)


def opt_unbox(box: u64) -> u64:
    """The integer a box holds, as a slot (the box is borrowed)."""
    return box_value(box)


def opt_dict_get(d: u64, key: u64) -> u64:
    """d.get(key) of a dict whose values are integers: the value boxed (a
    new reference), or None (0) when the key is absent."""
    value = Array[u64, 1]()
    if not dict_lookup(d, key, addr_of(value).addr):
        return u64(0)
    return opt_box(type_of(d)[0].item2, value[0])


def opt_truth(obj: u64) -> bool:
    """Python's truth of an object or None: None, a zero box and an empty
    str, list, tuple, dict or set are false.  (An instance's own
    __bool__ or __len__ is called by the compiled code, which knows its
    class; here an instance is true.)"""
    if obj == 0:
        return False
    info = type_of(obj)
    kind = info[0].kind
    if kind == KIND_BOX:
        return box_value(obj) != 0
    if kind == KIND_INSTANCE:
        return True
    if kind == KIND_SET or kind == KIND_FROZENSET:
        return Ptr[i64](obj + SET_USED)[0] != 0
    # str, bytes, list, tuple and dict keep their length (a dict its
    # `used`) in the first field after the header.
    return Ptr[i64](obj + FIRST_FIELD)[0] != 0


def opt_text(obj: u64, use_str: bool) -> u64:
    """str(obj) (or repr(obj)) of an object or None, as a new str.

    An instance whose class has the text slot asked for (its own
    `__str__` or `__repr__`) is asked for the str itself, which is then
    the result: no builder, and no copy of a text that may be long (an
    f-string field `{node}` of a tree printing itself)."""
    if obj != 0:
        info = type_of(obj)
        if info[0].kind == KIND_INSTANCE:
            fn = info[0].str if use_str else info[0].repr
            if fn == 0 and use_str:
                fn = info[0].repr  # str() of a class without __str__: its repr
            if fn != 0:
                return call_addr(fn, obj, u64(0))
    sb = StrBuilder()
    if use_str:
        item_str(ITEM_OPT, obj, addr_of(sb))
    else:
        item_repr(ITEM_OPT, obj, addr_of(sb))
    return sb_finish(addr_of(sb))


def opt_eq(a: u64, b: u64) -> bool:
    """a == b for two objects or None (None equals only None)."""
    return item_eq(ITEM_OPT, a, b)


def opt_is_kind(obj: u64, kind: u32, item: u32) -> bool:
    """isinstance() of an object or None against a built-in type: its
    TypeInfo's `kind` (KIND_BOX for int, which bools pass too, as in
    CPython; KIND_STR, KIND_BYTES) and, unless `item` is 0, its item kind
    (ITEM_BOOL: a bool's box)."""
    if obj == 0:
        return False
    info = type_of(obj)
    return info[0].kind == kind and (item == 0 or info[0].item == item)


def opt_hash(obj: u64) -> i64:
    """hash(obj) of an object or None, as a signed integer."""
    return i64(item_hash(ITEM_OPT, obj))

