"""`iter(range(...))`: a range as an iterator object (issue 11).

A `for` over a range needs no object: the loop counts in a register
(`RangeLoop`).  `it = iter(range(n))` must hold its position where
`next(it)`, a later `for x in it` or another function can resume it, so
it is an iterator object of the runtime (pythos/rt/obj/iterator.py,
`iter_range_new`) that holds no container: its position, the step and
how many values remain.  After that it is like any other iterator
object: `next()`, `for`, `list()` and the consumers walk it with
`iter_next`.  The checker types the bounds as `int`, as in a
comprehension (check/containers.py, `comprehension_range`).
"""

from __future__ import annotations

import ast
from typing import Any

from ... import types as T
from ..ops import Integer, Value
from .errors import checked_call

ITERATOR_RT = "pythos.rt.obj.iterator"


def is_range_call(node: ast.expr) -> bool:
    return getattr(node, "call", None) == ("builtin", "range")


def iter_range(b: Any, node: ast.Call) -> Value:
    """The iterator object of `iter(range(start, stop, step))`: the bounds
    evaluated in order, and ValueError for a step of 0 (at run time, if
    the checker could not see it)."""
    bounds = node.args[0]
    assert isinstance(bounds, ast.Call)
    return range_iterator(b, bounds, node.ty)  # type: ignore[attr-defined]


def range_iterator(b: Any, bounds: ast.Call, result: T.Type) -> Value:
    """An iterator object over `range(...)` (the call `bounds`)."""
    node = bounds
    values = [b.expr(a) for a in bounds.args]
    if len(values) == 1:
        values.insert(0, Integer(0, T.I64))
    if len(values) == 2:
        values.append(Integer(1, T.I64))
    fn = b.checker.scopes[ITERATOR_RT]["iter_range_new"]
    return checked_call(b, node, fn, values, result=result)
