"""Building the arithmetic operators of instances (check/operators.py
chose the method): `a + b` is a call of `a.__add__(b)` (or, reflected,
`b.__radd__(a)`), through the vtable when a subclass overrides it.

CPython evaluates both operands, left first, before it calls either
method, so the operands are evaluated in source order whichever method
runs.  `a += b` calls `a.__iadd__(b)` when a's class has it, else it is
`a = a + b`; either way the target's parts (the object of `o.f`, the
container and key of `c[k]`) are evaluated once, the old value read, then
the value, and the result stored back (`augmented`).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

from ...symbols import FuncSym
from ...types import ClassType, DictType, ListType
from ..ops import GetAttr, SetAttr, Value
from .errors import checked_call


def call_binop(b: Any, node: ast.AST, left: Value, right: Value) -> Value:
    """The method chosen for `left op right`, called on the evaluated
    operands."""
    fn: FuncSym
    fn, swapped = node.binop_method  # type: ignore[attr-defined]
    args = [right, left] if swapped else [left, right]
    return b.call_method(node, fn, args)  # type: ignore[no-any-return]


def instance_binop(b: Any, node: ast.BinOp) -> Value:
    left = b.kept(b.expr(node.left), "binop.left")
    right = b.expr(node.right)
    return call_binop(b, node, left, right)


def instance_augassign(b: Any, s: ast.AugAssign) -> None:
    """`target op= value` through a method: the in-place one
    (`__iadd__`) when the target's class has it, else the operator's
    (`a = a + b`, check/operators.py chose which)."""
    fn: FuncSym | None = getattr(s, "inplace_method", None)
    if fn is not None:
        augmented(b, s, lambda old, value: b.call_method(s, fn, [old, value]))
    else:
        augmented(b, s, lambda old, value: call_binop(b, s, old, value))


def augmented(b: Any, s: ast.AugAssign, combine: Callable[[Value, Value], Value]) -> None:
    """`target op= value` for any target, as CPython runs it: the parts
    of the target (the object of `o.f`, the container and key of
    `c[k]`) once, then the old value read, then the value, then
    `combine(old, value)`, whose result is stored back.  An in-place
    method mutates the old object and usually returns it, so the store
    puts the same object back (CPython stores it all the same, and so
    does this: a `__setitem__` sees the call)."""
    target = s.target
    b.current = s
    if isinstance(target, ast.Name):
        read = ast.copy_location(ast.Name(target.id, ast.Load()), target)
        for attr in ("ty", "sym"):
            if hasattr(target, attr):
                setattr(read, attr, getattr(target, attr))
        old = b.kept(b.expr(read), "augassign.old")
        b.store_value(target, combine(old, b.expr(s.value)))
        return
    if isinstance(target, ast.Attribute) and getattr(target, "field", (None,))[0] == "object":
        augmented_field(b, s, target, combine)
        return
    if isinstance(target, ast.Subscript) and not isinstance(target.slice, ast.Slice):
        augmented_item(b, s, target, combine)
        return
    raise b.not_yet(s, "augmented assignments through an operator method to this target")


def augmented_field(b: Any, s: ast.AugAssign, target: ast.Attribute,
                    combine: Callable[[Value, Value], Value]) -> None:
    """`o.f op= v`: o once; a property's getter and setter, or the field."""
    ct: ClassType = target.field[1]  # type: ignore[attr-defined]
    obj = b.kept(b.expr(target.value), "augassign.object")
    call = getattr(target, "call", None)
    if call is not None and call[0] == "setter":
        getter = ct.find_method(target.attr)
        assert isinstance(getter, FuncSym)
        old = b.call_method(target, getter, [obj])
        b.call_method(target, call[1], [obj, combine(old, b.expr(s.value))])
        return
    b.check_representable(target, ct.fields[target.attr])
    owner = b.field_owner(ct, target.attr)
    old = b.kept(b.add(GetAttr(obj, owner, target.attr)), "augassign.old")
    b.add(SetAttr(obj, owner, target.attr, combine(old, b.expr(s.value))))


def augmented_item(b: Any, s: ast.AugAssign, target: ast.Subscript,
                   combine: Callable[[Value, Value], Value]) -> None:
    """`c[k] op= v`: c and k once, then c[k] (IndexError or KeyError if
    it is missing), v, the operation, and `c[k] = result`."""
    t = target.value.ty  # type: ignore[attr-defined]
    container = b.kept(b.expr(target.value), "augassign.container")
    if isinstance(t, ListType):
        element = b.list_type(target, t).element
        index = b.kept(b.index64(target.slice), "augassign.index")
        raw = checked_call(b, target, b.list_fn("list_get"), [b.as_u64(container), index])
        old = b.kept(b.from_slot(raw, element, borrowed=False), "augassign.old")
        new = combine(old, b.expr(s.value))
        checked_call(b, target, b.list_fn("list_set"),
                     [b.as_u64(container), index, b.to_slot(new, element)])
        return
    if isinstance(t, DictType):
        key = b.kept(b.key_slot(target.slice, t.key), "augassign.key")
        old = b.kept(b.map_call(target, "dict_getitem", [container, key], True, t.value),
                     "augassign.old")
        new = combine(old, b.expr(s.value))
        b.map_call(s, "dict_setitem", [container, key, b.slot_of(new, t.value)])
        return
    if isinstance(t, ClassType):
        getitem = t.find_method("__getitem__")
        setitem = t.find_method("__setitem__")
        assert isinstance(getitem, FuncSym) and isinstance(setitem, FuncSym)
        key = b.kept(b.expr(target.slice), "augassign.key")
        old = b.kept(b.call_method(target, getitem, [container, key]), "augassign.old")
        b.call_method(target, setitem, [container, key, combine(old, b.expr(s.value))])
        return
    raise b.not_yet(s, f"augmented assignments to items of a {t}")
