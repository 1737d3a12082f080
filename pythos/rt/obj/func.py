"""Function values: functions, bound methods and closures as objects.

A value of a `Callable[[...], R]` type is the address of a `FuncObject`
(docs/objects.md, "Functions as values")::

    +--------+--------+--------+--------+--------+---------+---------+---
    | refcnt | type   | code   | count  | name   | slot 0  | slot 1  | ...
    +--------+--------+--------+--------+--------+---------+---------+---
    0        8        16       24       32       40 (FUNC_SLOTS)

`code` is the address of compiled code that takes the function object
itself as a hidden first argument, then the call's own arguments, at
their own types (the compiler makes the indirect call, so the runtime
never calls it).  The code finds what it needs in the slots: a bound
method's receiver, a closure's cells.  Every slot is an object reference
the function object owns.

`name` is a static str, the function's `__qualname__` (`double`,
`Stack.push`, `main.<locals>.<lambda>`), for its text: repr() of a
function value is `<function double>`, and of a bound method
`<bound method Stack.push>`; CPython adds the object's address (and the
receiver's repr), which a program cannot rely on (docs/language.md,
"Differences from CPython").

Three shapes share the layout:

- a top-level function used as a value is a *static* object the
  compiler emits, with IMMORTAL references and no slots, whose code is a
  small thunk that drops the hidden argument and calls the function:
  using `f` as a value allocates nothing.  Its type is `FUNC_TYPE`, which
  is not TRACKED (a static object has no GcHead);
- a bound method (`obj.method`) has one slot, the receiver, which it
  keeps alive; its type is `METHOD_TYPE` (CPython's type name `method`);
- a closure (a lambda or a nested `def` that reads variables of an
  enclosing function) has one slot per such variable, each a *cell*.

Cells are what make closures see assignments: a variable that some
closure reads lives, in its own function too, in a `CellObject` (one
8-byte value).  The defining function and every closure that reads the
variable hold the same cell, so `nonlocal n; n += 1` in one is seen by
the others, and a closure called after its defining function returned
still has the cell it needs.  A cell holding an object (or a str) is
TRACKED and traverses its value, and a closure traverses its cells: a
closure stored in a variable it captures (a nested function that calls
itself) is a cycle, and the collector frees it.
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, call_addr, func_addr, i64, struct, u8, u64
from pythos.rt.obj.items import sb_append_ascii
from pythos.rt.obj.object import (
    ITEM_OPT,
    ITEM_U64,
    KIND_CELL,
    KIND_FUNCTION,
    TRACKED,
    KindOps,
    StrBuilder,
    TypeInfo,
    cstring,
    obj_decref,
    obj_new,
    register_kind,
    sb_append_byte,
    sb_append_str,
    type_of,
)


@struct
class FuncObject:
    refcnt: i64
    type: u64
    code: u64  # fn(self_object, args...) -> result, at the call's own types
    count: i64  # slots after the header: each an owned object reference
    name: u64  # a static (immortal) str: the function's __qualname__


FUNC_CODE: Final = u64(16)
FUNC_SLOTS: Final = u64(40)


@struct
class CellObject:
    """One variable shared between a function and its closures: its
    value, at the variable's own type in the low bytes of the slot."""

    refcnt: i64
    type: u64
    value: u64


CELL_VALUE: Final = u64(16)
CELL_SIZE: Final = u64(24)

# Static top-level functions (no slots, never freed, not tracked).
FUNC_TYPE = TypeInfo()
# Closures and bound methods: their slots may close a cycle.
CLOSURE_TYPE = TypeInfo()
METHOD_TYPE = TypeInfo()
# A cell holding an object or a str (tracked), or an integer or bool.
CELL_OBJ_TYPE = TypeInfo()
CELL_INT_TYPE = TypeInfo()
FUNC_OPS = KindOps()
CELL_OPS = KindOps()
function_name = Array[u8, 9]()
method_name = Array[u8, 7]()
cell_name = Array[u8, 5]()


def func_new(code: u64, count: i64, name: u64, bound: bool) -> u64:
    """A new closure (or, if `bound`, a bound method) running `code`, with
    `count` slots, all 0 until the caller stores them (a slot of 0 is
    skipped by `traverse`, so the object is collectable while it is being
    filled).  `name` is a static str, which the object does not count."""
    info = addr_of(METHOD_TYPE) if bound else addr_of(CLOSURE_TYPE)
    f = obj_new(info.addr, FUNC_SLOTS + u64(count) * 8)
    fo = Ptr[FuncObject](f)
    fo[0].code = code
    fo[0].count = count
    fo[0].name = name
    return f


def func_repr(f: u64, sb: u64) -> u64:
    """Append the text of a function value: `<function QUALNAME>`, or
    `<bound method QUALNAME>` (print, str, repr and containers of them)."""
    out = Ptr[StrBuilder](sb)
    if type_of(f).addr == addr_of(METHOD_TYPE).addr:
        sb_append_ascii(out, b"<bound method ")
    else:
        sb_append_ascii(out, b"<function ")
    sb_append_str(out, Ptr[FuncObject](f)[0].name)
    sb_append_byte(out, u8(62))  # >
    return u64(0)


def cell_new(holds_object: bool) -> u64:
    """A new, empty cell (value 0): for an object or str if `holds_object`,
    else for an integer or bool."""
    ti = addr_of(CELL_OBJ_TYPE).addr if holds_object else addr_of(CELL_INT_TYPE).addr
    return obj_new(ti, CELL_SIZE)


def slot_address(f: u64, i: i64) -> u64:
    return f + FUNC_SLOTS + u64(i) * 8


# ----- the kinds' functions (KindOps: u64 in, u64 out) ---------------------------------

def func_size(f: u64) -> u64:
    return FUNC_SLOTS + u64(Ptr[FuncObject](f)[0].count) * 8


def func_clear(f: u64) -> u64:
    """Drop every slot's reference and leave it 0 (a second clear, after
    the collector's, finds nothing to drop); `count` stays, for `size`."""
    n = Ptr[FuncObject](f)[0].count
    for i in range(n):
        slot = Ptr[u64](slot_address(f, i))
        held = slot[0]
        slot[0] = u64(0)
        if held != 0:
            obj_decref(held)
    return u64(0)


def func_traverse(f: u64, visit: u64, arg: u64) -> u64:
    n = Ptr[FuncObject](f)[0].count
    for i in range(n):
        held = Ptr[u64](slot_address(f, i))[0]
        if held != 0:
            call_addr(visit, held, arg)
    return u64(0)


def cell_size(cell: u64) -> u64:
    return CELL_SIZE


def cell_holds_object(cell: u64) -> bool:
    return type_of(cell)[0].item == ITEM_OPT


def cell_clear(cell: u64) -> u64:
    if cell_holds_object(cell):
        c = Ptr[CellObject](cell)
        held = c[0].value
        c[0].value = u64(0)
        if held != 0:
            obj_decref(held)
    return u64(0)


def cell_traverse(cell: u64, visit: u64, arg: u64) -> u64:
    if cell_holds_object(cell):
        held = Ptr[CellObject](cell)[0].value
        if held != 0:
            call_addr(visit, held, arg)
    return u64(0)


def init() -> None:
    """Register the function and cell kinds and fill their descriptors."""
    FUNC_OPS.clear = func_addr(func_clear)
    FUNC_OPS.traverse = func_addr(func_traverse)
    FUNC_OPS.size = func_addr(func_size)
    FUNC_OPS.repr = func_addr(func_repr)
    register_kind(KIND_FUNCTION, addr_of(FUNC_OPS))
    CELL_OPS.clear = func_addr(cell_clear)
    CELL_OPS.traverse = func_addr(cell_traverse)
    CELL_OPS.size = func_addr(cell_size)
    register_kind(KIND_CELL, addr_of(CELL_OPS))
    name = cstring(addr_of(function_name), b"function")
    FUNC_TYPE.kind = KIND_FUNCTION
    FUNC_TYPE.size = FUNC_SLOTS
    FUNC_TYPE.name = name
    CLOSURE_TYPE.kind = KIND_FUNCTION
    CLOSURE_TYPE.flags = TRACKED
    CLOSURE_TYPE.size = FUNC_SLOTS
    CLOSURE_TYPE.name = name
    METHOD_TYPE.kind = KIND_FUNCTION
    METHOD_TYPE.flags = TRACKED
    METHOD_TYPE.size = FUNC_SLOTS
    METHOD_TYPE.name = cstring(addr_of(method_name), b"method")
    CELL_OBJ_TYPE.kind = KIND_CELL
    CELL_OBJ_TYPE.flags = TRACKED
    CELL_OBJ_TYPE.size = CELL_SIZE
    CELL_OBJ_TYPE.item = ITEM_OPT
    CELL_OBJ_TYPE.name = cstring(addr_of(cell_name), b"cell")
    CELL_INT_TYPE.kind = KIND_CELL
    CELL_INT_TYPE.size = CELL_SIZE
    CELL_INT_TYPE.item = ITEM_U64
    CELL_INT_TYPE.name = CELL_OBJ_TYPE.name
