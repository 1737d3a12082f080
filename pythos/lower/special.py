"""The special methods in a class's TypeInfo: `eq`, `hash` and `lt`, and a
dataclass's generated `repr`, `eq`, `hash` and `lt` (issue 11).

The runtime compares, hashes, orders and prints the items of containers
through the TypeInfo of each item's class (pythos/rt/obj/items.py), so
that a dict keyed by `Point`, `sorted()` of a `list[Task]` and the repr
of a `list[Item]` do what CPython does, whatever the run-time class.
For each class the TypeInfo's slots point at:

- the class's own `__eq__`, `__hash__`, `__lt__` (the nearest in its
  MRO), through a small generated adapter: the runtime calls every such
  function with 64-bit arguments and takes a 64-bit result, while the
  method returns a bool or an int; and CPython never lets a hash be -1
  (it means "error"), so `__hash__` returning -1 gives -2, as there;
- otherwise a dataclass's generated behaviour: the runtime's
  `fields_repr`, `fields_eq`, `fields_hash`, `fields_lt`
  (pythos/rt/obj/fields.py), which walk the field table this module puts
  in the TypeInfo's `fields` and `nfields`: for each field of the
  nearest dataclass, its item kind, offset and name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from llvmlite import ir

from .. import types as T
from ..ir.special_methods import nearest
from ..symbols import FuncSym

if TYPE_CHECKING:
    from ..ir.layout import ClassLayout

I32, I64 = ir.IntType(32), ir.IntType(64)
PTR = ir.PointerType()
# Item kinds (pythos/rt/obj/object.py, ITEM_*).
INT_ITEMS = {"u8": 1, "u16": 2, "u32": 3, "u64": 4, "i8": 5, "i16": 6, "i32": 7, "i64": 8}
ITEM_BOOL, ITEM_OBJ, ITEM_OPT = 9, 10, 11
# Special method, TypeInfo slot, number of arguments.
ADAPTED = (("__eq__", "eq", 2), ("__hash__", "hash", 1), ("__lt__", "lt", 2))
HASH_ERROR = -1  # CPython's "error" hash, which a __hash__ result never stays


def field_kind(t: T.Type) -> int | None:
    """The item kind of a field's value, as the runtime reads it; None for
    a field it cannot read as one item (a bytes value: two slots)."""
    if isinstance(t, T.IntType):
        return INT_ITEMS.get(t.name, INT_ITEMS["i64"])
    if t is T.BOOL:
        return ITEM_BOOL
    if t is T.BYTES:
        return None
    # Objects and str: an address, 0 while unassigned or None.
    return ITEM_OPT


def special_slots(low: Any, lay: ClassLayout, fields: dict[str, ir.Constant]) -> None:
    """Fill the TypeInfo slots of class `lay.cls` described above (the
    `repr` and `str` of methods the program wrote are filled already)."""
    c = lay.cls
    runtime = low.program.object_runtime
    if "fields_repr" not in runtime:
        return
    described = False
    for name, slot, nargs in (("__repr__", "repr", 0), *ADAPTED):
        how = nearest(c, name)
        if isinstance(how, FuncSym) and nargs:
            fields[slot] = adapter(low, lay, how, slot, nargs).ptrtoint(I64)
        elif isinstance(how, T.ClassType):
            # (A __repr__ the program wrote is in the slot already.)
            described = described or describe_fields(low, lay, how, fields)
            if described:
                fields[slot] = low.function(runtime[f"fields_{slot}"]).ptrtoint(I64)


def describe_fields(low: Any, lay: ClassLayout, owner: T.ClassType,
                    fields: dict[str, ir.Constant]) -> bool:
    """The TypeInfo's field table: one {kind, offset, name} per field of
    the dataclass `owner`, in declaration order (False, and no table, if
    a field cannot be read as an item)."""
    c = lay.cls
    entry_ty = ir.LiteralStructType([I32, I32, I64])
    entries = []
    for name, ft in owner.fields.items():
        kind = field_kind(ft)
        if kind is None:
            return False
        entries.append(ir.Constant(entry_ty, [
            ir.Constant(I32, kind), ir.Constant(I32, lay.offsets[name]),
            low.cstring(f"{c.qualname}.__field_{name}__", name)]))
    ty = ir.ArrayType(entry_ty, len(entries))
    gv = ir.GlobalVariable(low.module, ty, f"{c.qualname}.__fields__")
    gv.linkage = "private"
    gv.global_constant = True
    gv.initializer = ir.Constant(ty, entries)
    gv.type = PTR
    fields["fields"] = gv.ptrtoint(I64)
    fields["nfields"] = ir.Constant(I64, len(entries))
    return True


def adapter(low: Any, lay: ClassLayout, method: FuncSym, slot: str, nargs: int) -> ir.Function:
    """`fn(a[, b]) -> u64` calling the method: its bool or int result
    widened to 64 bits (a hash of -1 made -2, as CPython does)."""
    f, b = low.generated(lay, f"__{slot}_slot__", nargs)
    target = low.function(method)
    ftype = target.function_type
    args = [a if a.type == p else b.trunc(a, p) for a, p in zip(f.args, ftype.args,
                                                                     strict=False)]
    result = b.call(target, args)
    width = result.type.width
    if width < 64:
        result = b.zext(result, I64)
    if slot == "hash":
        is_error = b.icmp_signed("==", result, ir.Constant(I64, HASH_ERROR))
        result = b.select(is_error, ir.Constant(I64, HASH_ERROR - 1), result)
    b.ret(result)
    return f  # type: ignore[no-any-return]
