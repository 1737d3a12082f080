"""Boxes: an integer or a bool where an object is needed.

Containers keep integers unboxed (docs/objects.md, "Items"), so a box is
needed only where a type says "an object": an `int | None` item, an
`object` variable.  A box is a `BoxObject`: the header, then the value
as a 64-bit slot (sign-extended for signed types).  Its TypeInfo's
`item` says which integer type it holds, so one kind serves `int`,
`bool` and every sized integer; the runtime's own descriptors for the
two Python types are `BOX_INT_TYPE` and `BOX_BOOL_TYPE`.

Boxes hash, compare and print as the integers they hold, so that
`hash`, `==`, `<` and `repr` of a box agree with CPython's `int` and
`bool`: `True == 1`, `hash(True) == 1`, `repr(True) == 'True'`.  Boxes
are immutable and hold no references, so they are never TRACKED.

Like CPython, the runtime keeps one box for each of True and False and
for each int from -5 to 256, static objects with IMMORTAL references:
boxing them allocates nothing, and `is` between them answers as it does
in CPython (`x is True` for a boxed True).
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, func_addr, i64, u8, u32, u64
from pythos.rt.obj.items import item_hash, item_repr, item_signed
from pythos.rt.obj.object import (
    IMMORTAL,
    ITEM_BOOL,
    ITEM_I64,
    ITEM_NONE,
    KIND_BOX,
    BoxObject,
    KindOps,
    StrBuilder,
    TypeInfo,
    cstring,
    item_is_object,
    obj_incref,
    obj_new,
    register_kind,
    type_of,
)

BOX_SIZE: Final = u64(24)

BOX_INT_TYPE = TypeInfo()
BOX_BOOL_TYPE = TypeInfo()
BOX_OPS = KindOps()
int_name = Array[u8, 4]()
bool_name = Array[u8, 5]()
# The shared boxes: False and True, and the ints SMALL_LOW..SMALL_HIGH.
SMALL_LOW: Final = -5
SMALL_HIGH: Final = 256
bools = Array[BoxObject, 2]()
small_ints = Array[BoxObject, 262]()
# The box types of the integer kinds other than int (i64) and bool, by
# item kind (ITEM_U8 .. ITEM_I32; index 0 and the two above are unused).
ITEM_KINDS: Final = 10
box_types = Array[TypeInfo, 10]()


def box_new(ti: u64, value: u64) -> u64:
    """A box of type `ti` (a KIND_BOX TypeInfo: `BOX_INT_TYPE`,
    `BOX_BOOL_TYPE` or one the compiler emits for a sized integer) holding
    `value`, a slot value (sign-extended if the type is signed).  A new
    reference; for a bool or a small int, to the shared box."""
    if ti == addr_of(BOX_BOOL_TYPE).addr:
        return box_bool(value != 0)
    if ti == addr_of(BOX_INT_TYPE).addr and i64(value) >= SMALL_LOW and \
            i64(value) <= SMALL_HIGH:
        shared = addr_of(small_ints[i64(value) - SMALL_LOW]).addr
        obj_incref(shared)
        return shared
    box = obj_new(ti, BOX_SIZE)
    Ptr[BoxObject](box)[0].value = value
    return box


def box_of(kind: u32, value: u64) -> u64:
    """A box holding `value`, an integer of item kind `kind` as a slot
    (sign-extended if signed): a new reference."""
    if kind == ITEM_I64:
        return box_new(addr_of(BOX_INT_TYPE).addr, value)
    if kind == ITEM_BOOL:
        return box_new(addr_of(BOX_BOOL_TYPE).addr, value)
    return box_new(addr_of(box_types[kind]).addr, value)


def item_object(kind: u32, value: u64) -> u64:
    """An item of kind `kind` as an `object` word, a new reference: an
    integer boxed, an object (or None, 0) itself."""
    if item_is_object(kind):
        if value != 0:
            obj_incref(value)
        return value
    if kind == ITEM_NONE:
        return u64(0)
    return box_of(kind, value)


def box_bool(value: bool) -> u64:
    """The shared box of True or False (a new reference)."""
    shared = addr_of(bools[1 if value else 0]).addr
    obj_incref(shared)
    return shared


def box_value(box: u64) -> u64:
    """The integer a box holds, as a slot value."""
    return Ptr[BoxObject](box)[0].value


def box_item(box: u64) -> u32:
    """The item kind (ITEM_*) of the integer a box holds."""
    return type_of(box)[0].item


def is_negative(kind: u32, value: u64) -> bool:
    return item_signed(kind) and i64(value) < 0


def int_eq(kind_a: u32, a: u64, kind_b: u32, b: u64) -> bool:
    """Whether two integers of possibly different types are equal, as
    CPython's unbounded ints are: -1 (an i64) is not 2**64 - 1 (a u64),
    though their bits are."""
    return a == b and is_negative(kind_a, a) == is_negative(kind_b, b)


def int_lt(kind_a: u32, a: u64, kind_b: u32, b: u64) -> bool:
    """a < b for integers of possibly different types."""
    neg_a = is_negative(kind_a, a)
    neg_b = is_negative(kind_b, b)
    if neg_a != neg_b:
        return neg_a
    if neg_a:
        return i64(a) < i64(b)
    return a < b


# ----- the kind's functions (KindOps: u64 in, u64 out) -------------------------------

def box_size(box: u64) -> u64:
    return BOX_SIZE


def box_hash(box: u64) -> u64:
    """hash(): the integer's own (CPython's int hash; a bool's is 0 or 1)."""
    return item_hash(box_item(box), box_value(box))


def box_eq(a: u64, b: u64) -> u64:
    return u64(int_eq(box_item(a), box_value(a), box_item(b), box_value(b)))


def box_lt(a: u64, b: u64) -> u64:
    return u64(int_lt(box_item(a), box_value(a), box_item(b), box_value(b)))


def box_repr(box: u64, sb: u64) -> u64:
    """Append the integer in decimal, or `True`/`False`."""
    item_repr(box_item(box), box_value(box), Ptr[StrBuilder](sb))
    return u64(0)


def init() -> None:
    """Register the box kind and fill the runtime's int and bool boxes."""
    BOX_OPS.size = func_addr(box_size)
    BOX_OPS.hash = func_addr(box_hash)
    BOX_OPS.eq = func_addr(box_eq)
    BOX_OPS.lt = func_addr(box_lt)
    BOX_OPS.repr = func_addr(box_repr)
    register_kind(KIND_BOX, addr_of(BOX_OPS))
    BOX_INT_TYPE.kind = KIND_BOX
    BOX_INT_TYPE.size = BOX_SIZE
    BOX_INT_TYPE.item = ITEM_I64
    BOX_INT_TYPE.name = cstring(addr_of(int_name), b"int")
    BOX_BOOL_TYPE.kind = KIND_BOX
    BOX_BOOL_TYPE.size = BOX_SIZE
    BOX_BOOL_TYPE.item = ITEM_BOOL
    BOX_BOOL_TYPE.name = cstring(addr_of(bool_name), b"bool")
    for b in range(2):
        bools[b].refcnt = IMMORTAL
        bools[b].type = addr_of(BOX_BOOL_TYPE).addr
        bools[b].value = u64(b)
    for i in range(SMALL_HIGH - SMALL_LOW + 1):
        small_ints[i].refcnt = IMMORTAL
        small_ints[i].type = addr_of(BOX_INT_TYPE).addr
        small_ints[i].value = u64(i64(i) + SMALL_LOW)
    for kind in range(1, ITEM_KINDS):
        box_types[kind].kind = KIND_BOX
        box_types[kind].size = BOX_SIZE
        box_types[kind].item = u32(kind)
        box_types[kind].name = BOX_INT_TYPE.name
