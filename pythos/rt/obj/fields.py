"""A dataclass's generated methods, driven by its TypeInfo's field table.

`@dataclass` generates `__repr__`, `__eq__`, `__hash__` (when frozen)
and the orderings (with `order=True`) from the class's fields.  The
compiled code does not need a copy of each for every class: the
compiler describes the fields once, in the class's constant TypeInfo
(`fields` is the address of `nfields` `FieldInfo` records, `nfields`
their number: docs/objects.md, "Instances described by their fields"),
and points the TypeInfo's `repr`, `eq`, `hash` and `lt` at the functions
here, which walk that table.  So the runtime's repr of a `list[Point]`,
a dict lookup with a frozen dataclass key, and `sorted()` of dataclass
instances all reach the generated behaviour through the TypeInfo, as
they reach a class's own `__repr__`, `__eq__` and `__hash__`.

Each field is read as an item (items.py) of its kind at its offset: an
integer narrower than 64 bits sits in the low bytes of its slot, and an
object field may be 0 for None.  The results follow CPython's dataclasses:
`Name(a=1, b='x')`; equality only between instances of the same class,
field by field; the hash of the tuple of the fields (tuple.py computes it
as CPython does); the orderings compare those tuples.
"""

from typing import Final

from pythos.lang import Ptr, addr_of, i64, struct, u8, u32, u64
from pythos.rt.obj.items import (
    XXPRIME_5,
    append_cstring,
    hash_end,
    item_eq,
    item_hash,
    item_lt,
    item_repr,
    sb_append_ascii,
    xx_round,
)
from pythos.rt.obj.object import (
    ERR_TYPE,
    StrBuilder,
    TypeInfo,
    item_load,
    obj_raise,
    sb_append_byte,
    sb_finish,
    type_of,
)


@struct
class FieldInfo:
    """One field of a class, as the compiler describes it in the class's
    TypeInfo (`fields`, `nfields`)."""

    kind: u32  # the ITEM_* kind of the value the field holds
    offset: u32  # bytes from the instance's address
    name: u64  # address of the NUL-terminated field name


def field_table(info: Ptr[TypeInfo]) -> Ptr[FieldInfo]:
    return Ptr[FieldInfo](info[0].fields)


def field_value(obj: u64, field: Ptr[FieldInfo], i: i64) -> u64:
    return item_load(field[i].kind, obj + u64(field[i].offset))


def fields_repr(obj: u64, sb: u64) -> u64:
    """Append `Name(a=1, b='x')`, a dataclass's generated repr; with no
    builder (`sb` 0), return it as a new str (the TypeInfo's text slots'
    convention, object.py)."""
    if sb == 0:
        own = StrBuilder()
        fields_repr(obj, addr_of(own).addr)
        return sb_finish(addr_of(own))
    info = type_of(obj)
    out = Ptr[StrBuilder](sb)
    table = field_table(info)
    append_cstring(out, info[0].name)
    sb_append_byte(out, u8(40))  # (
    for i in range(i64(info[0].nfields)):
        if i > 0:
            sb_append_byte(out, u8(44))  # ,
            sb_append_byte(out, u8(32))
        append_cstring(out, table[i].name)
        sb_append_byte(out, u8(61))  # =
        item_repr(table[i].kind, field_value(obj, table, i), out)
    sb_append_byte(out, u8(41))  # )
    return u64(0)


def fields_eq(a: u64, b: u64) -> u64:
    """A dataclass's generated __eq__: the same class, and every field
    equal, in order."""
    info = type_of(a)
    if type_of(b).addr != info.addr:
        return u64(0)
    table = field_table(info)
    for i in range(i64(info[0].nfields)):
        if not item_eq(table[i].kind, field_value(a, table, i), field_value(b, table, i)):
            return u64(0)
    return u64(1)


def fields_hash(obj: u64) -> u64:
    """A frozen dataclass's generated __hash__: hash() of the tuple of its
    fields, with tuple.py's (CPython's) algorithm."""
    info = type_of(obj)
    table = field_table(info)
    n = i64(info[0].nfields)
    acc = XXPRIME_5
    for i in range(n):
        acc = xx_round(acc, item_hash(table[i].kind, field_value(obj, table, i)))
    return hash_end(acc, n)


# The operators of `fields_same_class`'s `op`, in the order of the
# compiler's ORDER_OPS (pythos/ir/build/orders.py).
ORDER_LT: Final = u32(0)
ORDER_LE: Final = u32(1)
ORDER_GT: Final = u32(2)
ORDER_GE: Final = u32(3)


def fields_same_class(a: u64, b: u64, op: u32) -> bool:
    """Whether a and b are instances of one class, as the generated
    orderings require (`other.__class__ is self.__class__`); if not,
    record CPython's TypeError for the operator `op`, since the reflected
    method fails the same way:
    `'<' not supported between instances of 'Base' and 'Sub'`."""
    ta = type_of(a)
    tb = type_of(b)
    if ta.addr == tb.addr:
        return True
    sb = StrBuilder()
    out = addr_of(sb)
    sb_append_byte(out, u8(39))  # '
    if op == ORDER_LT:
        sb_append_byte(out, u8(60))  # <
    elif op == ORDER_LE:
        sb_append_ascii(out, b"<=")
    elif op == ORDER_GT:
        sb_append_byte(out, u8(62))  # >
    else:
        sb_append_ascii(out, b">=")
    sb_append_ascii(out, b"' not supported between instances of '")
    append_cstring(out, ta[0].name)
    sb_append_ascii(out, b"' and '")
    append_cstring(out, tb[0].name)
    sb_append_byte(out, u8(39))
    obj_raise(ERR_TYPE, sb_finish(out))
    return False


def fields_lt(a: u64, b: u64) -> u64:
    """`a < b` of an `order=True` dataclass: the tuples of the fields,
    compared lexicographically (the first unequal pair decides).  The
    sort, min and max reach it through the TypeInfo's `lt`; instances of
    two classes record a TypeError (the caller tests for it)."""
    if not fields_same_class(a, b, ORDER_LT):
        return u64(0)
    info = type_of(a)
    table = field_table(info)
    for i in range(i64(info[0].nfields)):
        x = field_value(a, table, i)
        y = field_value(b, table, i)
        if not item_eq(table[i].kind, x, y):
            return u64(1) if item_lt(table[i].kind, x, y) else u64(0)
    return u64(0)
