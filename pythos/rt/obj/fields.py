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

from pythos.lang import Ptr, i64, struct, u8, u32, u64
from pythos.rt.obj.items import append_cstring, item_eq, item_hash, item_lt, item_repr
from pythos.rt.obj.object import StrBuilder, TypeInfo, item_load, sb_append_byte, type_of
from pythos.rt.obj.tuple import XXLENGTH_MIX, XXPRIME_1, XXPRIME_2, XXPRIME_5


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
    """Append `Name(a=1, b='x')`, a dataclass's generated repr."""
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
        lane = item_hash(table[i].kind, field_value(obj, table, i))
        acc += lane * XXPRIME_2
        acc = (acc << 31) | (acc >> 33)
        acc *= XXPRIME_1
    acc += u64(n) ^ XXLENGTH_MIX
    if acc == u64(0xFFFFFFFFFFFFFFFF):
        return u64(1546275796)
    return acc


def fields_lt(a: u64, b: u64) -> u64:
    """`a < b` of an `order=True` dataclass: the tuples of the fields,
    compared lexicographically (the first unequal pair decides)."""
    info = type_of(a)
    table = field_table(info)
    for i in range(i64(info[0].nfields)):
        x = field_value(a, table, i)
        y = field_value(b, table, i)
        if not item_eq(table[i].kind, x, y):
            return u64(1) if item_lt(table[i].kind, x, y) else u64(0)
    return u64(0)
