"""Building the arithmetic operators of instances (check/operators.py
chose the method): `a + b` is a call of `a.__add__(b)` (or, reflected,
`b.__radd__(a)`), through the vtable when a subclass overrides it.

CPython evaluates both operands, left first, before it calls either
method, so the operands are evaluated in source order whichever method
runs.  `a += b` (no `__iadd__`) is `a = a + b`: the target is read once,
then the sum stored back in it.
"""

from __future__ import annotations

import ast
from typing import Any

from ...symbols import FuncSym
from ..ops import Value


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
    """`target op= value` through the operator's method.  A name, or an
    attribute of a name (`self.total += m`), whose object is then read
    once; other targets wait for `__iadd__` and friends."""
    target = s.target
    if isinstance(target, ast.Attribute) and not isinstance(target.value, ast.Name):
        raise b.not_yet(s, "augmented assignments through an operator method to this target")
    if not isinstance(target, (ast.Name, ast.Attribute)):
        raise b.not_yet(s, "augmented assignments through an operator method to this target")
    read = ast.Name(target.id, ast.Load()) if isinstance(target, ast.Name) \
        else ast.Attribute(target.value, target.attr, ast.Load())
    ast.copy_location(read, target)
    for attr in ("ty", "sym", "field", "call"):
        if hasattr(target, attr):
            setattr(read, attr, getattr(target, attr))
    b.current = s
    old = b.kept(b.expr(read), "augassign.old")
    result = call_binop(b, s, old, b.expr(s.value))
    b.store_value(target, result)
