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

from ... import types as T
from ...check.operators import Dispatch, dispatched, may_return_not_implemented
from ...diagnostics import CompileError
from ...symbols import FuncSym
from ...types import BOOL, STR, U64, ClassType, DictType, ListType
from ..ops import (
    BasicBlock,
    Call,
    Cast,
    Compare,
    GetAttr,
    Integer,
    IntOp,
    IsInstance,
    SetAttr,
    Value,
)
from .errors import checked_call


def call_binop(b: Any, node: ast.AST, left: Value, right: Value) -> Value:
    """The method chosen for `left op right`, called on the evaluated
    operands; or, when the run-time classes decide (`dispatched`), the
    whole of CPython's dispatch."""
    plan: Dispatch | None = getattr(node, "binop_plan", None)
    if plan is not None and dispatched(plan):
        return dispatch_binop(b, node, plan, left, right)
    fn: FuncSym
    fn, swapped = node.binop_method  # type: ignore[attr-defined]
    args = [right, left] if swapped else [left, right]
    return b.call_method(node, fn, args)  # type: ignore[no-any-return]


# ----- dispatch at run time ----------------------------------------------------------------
#
# CPython's `a + b` (Objects/typeobject.c, SLOT1BINFULL) is, for instances:
#
#     if type(b) is a proper subclass of type(a) and overrides __radd__:
#         r = b.__radd__(a); if r is not NotImplemented: return r
#         (and b is not asked again)
#     if type(a) has __add__:
#         r = a.__add__(b); if r is not NotImplemented: return r
#     if type(a) is not type(b) and type(b) has __radd__ (not asked yet):
#         r = b.__radd__(a); if r is not NotImplemented: return r
#     raise TypeError("unsupported operand type(s) for +: 'A' and 'B'")
#
# The checker lists the methods each operand's class may have at run time
# (check/operators.py, Dispatch); the builder turns the steps into blocks,
# and leaves out every test the classes settle: most programs get one
# call, as before.

def not_implemented_marker(b: Any) -> Value:
    """The marker a method returns for NotImplemented: the program's one
    static str "NotImplemented" (an IMMORTAL object: counting it is
    harmless), which no instance can be."""
    return b.add(Cast("object", b.string(b"NotImplemented", STR), U64))  # type: ignore


def return_not_implemented(b: Any) -> Value:
    """`return NotImplemented`'s value, as the method's result type."""
    return b.add(Cast("object", not_implemented_marker(b), b.fn.result))  # type: ignore


def attempt(b: Any, node: ast.AST, plan: Dispatch, entries: list[tuple[ClassType | None,
                                                                        FuncSym]],
            subject: Value, other: Value, other_type: T.Type, result: Value,
            done: BasicBlock, next_step: BasicBlock) -> None:
    """Call `subject`'s method (the first of `entries` its run-time class
    has) with `other`; its result, unless NotImplemented, goes to `result`
    and on to `done`.  No method, or NotImplemented: on to `next_step`."""
    from ...check.operators import usable
    for owner, fn in entries:
        passed = None
        if owner is not None:
            has = b.new_block("binop.has")
            passed = b.new_block("binop.next")
            b.branch(b.add(IsInstance(subject, owner)), has, passed)
            b.activate(has)
        assert fn.cls is not None
        why = usable(owner or fn.cls, fn, other_type, result.type)
        if why is not None:
            raise CompileError(why, b.module.loc(node))
        r = b.call_method(node, fn, [subject, other])
        if may_return_not_implemented(fn, plan.classes):
            got = b.new_block("binop.result")
            same = b.add(Compare("eq", b.add(Cast("object", r, U64)), not_implemented_marker(b)))
            b.branch(same, next_step, got, likely=False)
            b.activate(got)
        b.assign(result, r)
        b.goto(done)
        if passed is None:
            return  # the static class has it: every object does
        b.activate(passed)
    b.goto(next_step)


def unsupported(b: Any, node: ast.AST, symbol: str, names: tuple[str, str], left: Value,
                right: Value) -> None:
    """Raise CPython's TypeError, naming the operands' run-time classes."""
    def name(v: Value, text: str) -> Value:
        if isinstance(v.type, ClassType):
            return Integer(0, U64)
        return b.string(text.encode(), STR)  # type: ignore[no-any-return]

    def operand(v: Value) -> Value:
        return v if isinstance(v.type, ClassType) else Integer(0, U64)

    b.add(Call(b.object_runtime["binop_unsupported"], [
        b.string(symbol.encode(), STR), operand(left), name(left, names[0]),
        operand(right), name(right, names[1])]))
    b.propagate(node)


def dispatch_binop(b: Any, node: ast.AST, plan: Dispatch, left: Value, right: Value) -> Value:
    """CPython's dispatch of `left op right` (above), as blocks."""
    done = b.new_block("binop.done")
    result = b.merge("binop", plan.result, done)
    forward = b.new_block("binop.forward")
    other = b.new_block("binop.other")
    reflected = b.new_block("binop.reflected")
    failed = b.new_block("binop.unsupported")
    # Whether b's reflected method may still be asked.
    may_reflect = b.hidden("binop.may_reflect", BOOL)
    if not plan.reflected:
        b.assign(may_reflect, Integer(0, BOOL))
    elif plan.maybe_same:
        same = b.add(Call(b.object_runtime["binop_same_class"], [left, right]))
        b.assign(may_reflect, b.add(IntOp("xor", same, Integer(1, BOOL))))
    else:
        b.assign(may_reflect, Integer(1, BOOL))
    for owner, fn, exact in plan.reflected_first:
        # b is a D, and a exactly one of D's proper bases (up to a's
        # static class): b's class is a subclass of a's that overrides
        # the reflected method, so it goes first.
        tried = b.new_block("binop.first.next")
        first = b.new_block("binop.first")
        maybe = b.new_block("binop.first.left")
        b.branch(b.add(IsInstance(right, owner)), maybe, tried)
        b.activate(maybe)
        for k in exact:
            nope = b.new_block("binop.first.left")
            b.branch(b.add(IsInstance(left, k, exact=True)), first, nope)
            b.activate(nope)
        b.goto(tried)
        b.activate(first)
        refused = b.new_block("binop.first.refused")
        attempt(b, node, plan, [(None, fn)], right, left, plan.left, result, done, refused)
        b.activate(refused)
        b.assign(may_reflect, Integer(0, BOOL))  # b was asked: not again
        b.goto(forward)
        b.activate(tried)
    b.goto(forward)
    b.activate(forward)
    attempt(b, node, plan, plan.forward, left, right, plan.right, result, done, other)
    b.activate(other)
    b.branch(may_reflect, reflected, failed)
    b.activate(reflected)
    attempt(b, node, plan, plan.reflected, right, left, plan.left, result, done, failed)
    b.activate(failed)
    unsupported(b, node, plan.symbol, plan.names, left, right)
    b.activate(done)
    return result


def instance_binop(b: Any, node: ast.BinOp) -> Value:
    left = b.kept(b.expr(node.left), "binop.left")
    right = b.expr(node.right)
    return call_binop(b, node, left, right)


def instance_augassign(b: Any, s: ast.AugAssign) -> None:
    """`target op= value` through a method: the in-place one
    (`__iadd__`) when the target's class has it, else the operator's
    (`a = a + b`, check/operators.py chose which)."""
    found: list[tuple[ClassType | None, FuncSym]] = getattr(s, "inplace_candidates", [])
    fn: FuncSym | None = getattr(s, "inplace_method", None)
    classes = [lay.cls for lay in b.layouts.values()]
    if fn is not None and len(found) == 1 and not may_return_not_implemented(fn, classes):
        augmented(b, s, lambda old, value: b.call_method(s, fn, [old, value]))
    elif found:
        augmented(b, s, lambda old, value: dispatch_inplace(b, s, found, classes, old, value))
    else:
        augmented(b, s, lambda old, value: call_binop(b, s, old, value))


def dispatch_inplace(b: Any, s: ast.AugAssign, found: list[tuple[ClassType | None, FuncSym]],
                     classes: list[ClassType], old: Value, value: Value) -> Value:
    """CPython's `a op= b`: a's in-place method, if its run-time class has
    one and it does not return NotImplemented; else `a op b`."""
    from ...check.operators import SYMBOLS, python_name
    t: T.Type = s.ty  # type: ignore[attr-defined]
    done = b.new_block("inplace.done")
    result = b.merge("inplace", t, done)
    binary = b.new_block("inplace.binary")
    plan = getattr(s, "binop_plan", None)
    # The in-place methods' own Dispatch: only their class list matters.
    own = Dispatch(SYMBOLS[type(s.op)] + "=", ("", ""), t, value.type, t, [], found, [], [],
                   False, classes)
    attempt(b, s, own, found, old, value, value.type, result, done, binary)
    b.activate(binary)
    if plan is not None or hasattr(s, "binop_method"):
        b.assign(result, call_binop(b, s, old, value))
        b.goto(done)
    else:
        unsupported(b, s, own.symbol, (python_name(t), python_name(value.type)), old, value)
    b.activate(done)
    return result


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
    if isinstance(target, ast.Subscript) and isinstance(
            getattr(target.value, "ty", None), ListType):
        augmented_slice(b, s, target, combine)
        return
    raise b.not_yet(s, "augmented assignments through an operator method to this target")


def augmented_slice(b: Any, s: ast.AugAssign, target: ast.Subscript,
                    combine: Callable[[Value, Value], Value]) -> None:
    """`xs[i:j] op= v` of a list or a bytearray, as CPython runs it: xs and
    the bounds once, then `xs[i:j]` (a new list), v, the in-place
    operation on that new list, and `xs[i:j] = result`.  So
    `xs[1:3] += [9]` puts 9 after the slice's items, and an extended
    slice that the operation lengthens is list_set_slice's ValueError."""
    assert isinstance(target.slice, ast.Slice)
    t = b.list_type(target, target.value.ty)  # type: ignore[attr-defined]
    container = b.kept(b.expr(target.value), "augassign.container")
    bounds = b.slice_args(target.slice)
    raw = checked_call(b, target, b.list_fn("list_slice"), [container, *bounds])
    old = b.kept(b.as_object(raw, t), "augassign.old")
    new = combine(old, b.expr(s.value))
    checked_call(b, target, b.list_fn("list_set_slice"), [container, *bounds, new])


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
    if isinstance(t, T.BytearrayType):  # bytearrays.py
        index = b.kept(b.index64(target.slice), "augassign.index")
        old = b.kept(b.bytearray_get(target, container, index), "augassign.old")
        b.bytearray_set(target, container, index, combine(old, b.expr(s.value)))
        return
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
