"""The builtins that consume an iterable (issue 11): `sum`, `min`, `max`
and `dict`, as the checker types them.

They take whatever a `for` loop takes (the element type comes from
`element_type`, so a generator expression, a dict's items or a str work
as well as a list), and each follows the signature CPython gives it:

- `sum(E)` and `sum(E, start)` add integers (the result wraps as the item
  type does, like `+`); `sum(E, start)` of instances adds each item to
  the total with `+` (`__add__` of the total, or `__radd__` of the item:
  check/operators.py), the total keeping start's type; without a start
  CPython begins at the int 0, so an empty iterable gives 0, and no one
  type can describe that result (mypy's is `T | int`): a compile error
  asks for the start;
- `min`/`max` of one iterable or of several arguments, with `default=`
  for the one-iterable form (CPython raises a TypeError for a default
  with several arguments; here it is a compile error);
- `dict()`, `dict(d)` (a copy) and `dict(E)` over pairs.

`list(E)`, `set(E)`, `sorted(E)`, `any(E)` and `all(E)` need nothing more
than the element type and stay in containers.py.  `key=` belongs to the
function values; it is checked by `sort_keywords` as before.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from .. import types as T
from ..types import DictType, IntType, TupleType

if TYPE_CHECKING:
    from . import Checker

CONSUMERS = ("sum", "min", "max", "dict")


def consumer_builtin(c: Checker, node: ast.Call, name: str,
                     want: T.Type | None) -> T.Type | None:
    """The type of a call of a consumer in CONSUMERS; None for a form the
    general code (containers.py) types."""
    if name == "sum":
        return typed_sum(c, node)
    if name in ("min", "max"):
        return typed_min_max(c, node, name)
    if name == "dict" and node.args:
        return typed_dict(c, node, want)
    return None


def element_of(c: Checker, node: ast.expr) -> T.Type:
    """What `for x in node` gives x (`list(range(n))` counts in int)."""
    counted = c.comprehension_range(node)
    if counted is not None:
        return counted
    return c.element_type(node, c.expr(node, None))


def no_keywords(c: Checker, node: ast.Call, name: str, allowed: tuple[str, ...]) -> None:
    for kw in node.keywords:
        if kw.arg not in allowed:
            raise c.error(kw, f"{name}() got an unexpected keyword argument \"{kw.arg}\"")


def typed_sum(c: Checker, node: ast.Call) -> T.Type:
    args = node.args
    no_keywords(c, node, "sum", ("start",))
    start = args[1] if len(args) == 2 else next(
        (kw.value for kw in node.keywords if kw.arg == "start"), None)
    if not 1 <= len(args) + len(node.keywords) <= 2 or not args:
        raise c.error(node, f"sum() takes an iterable and an optional start, "
                            f"{len(args) + len(node.keywords)} arguments given")
    node.call = ("builtin", "sum")  # type: ignore[attr-defined]
    e = element_of(c, args[0])
    if e is T.STR and start is not None:
        # CPython's own words for sum(strs, "") (without a start it fails
        # adding the first str to 0, as below).
        raise c.error(args[0], "sum() can't sum strings [use ''.join(seq) instead]")
    if T.is_object(e) and e is not T.STR:
        return instance_sum(c, node, e, start)
    if not isinstance(e, IntType):
        raise c.error(args[0], f"sum() adds integers, got items of type \"{e}\"")
    if start is not None:
        c.expect(start, e)
    c.heap_use(node, "lists", "sum() iterates over objects")
    return e


def typed_min_max(c: Checker, node: ast.Call, name: str) -> T.Type:
    args = node.args
    no_keywords(c, node, name, ("key", "default"))
    if not args:
        raise c.error(node, f"{name} expected at least 1 argument, got 0")
    default = next((kw.value for kw in node.keywords if kw.arg == "default"), None)
    if default is not None and len(args) > 1:
        raise c.error(default, f"Cannot specify a default for {name}() with multiple "
                               f"positional arguments")
    node.call = ("builtin", name)  # type: ignore[attr-defined]
    if len(args) == 1:
        e = element_of(c, args[0])
    else:
        e = c.element_of(args, None, f"{name}() argument") or T.I64
    # The ordering (and a key=) is checked as sorted() checks it; default=
    # is not part of it.
    keywords = node.keywords
    node.keywords = [kw for kw in keywords if kw.arg != "default"]
    try:
        c.sort_keywords(node, e)
    finally:
        node.keywords = keywords
    result = e
    if default is not None:
        dt = c.expr(default, e)
        joined = T.join_types(e, dt)
        if joined is None:
            raise c.error(default, f"the default has type \"{dt}\", the items \"{e}\": "
                                   f"{name}() returns one or the other, so they need one type")
        result = joined
    c.heap_use(node, "lists", f"{name}() iterates over objects")
    return result


def typed_dict(c: Checker, node: ast.Call, want: T.Type | None) -> T.Type:
    """`dict(d)`: a copy; `dict(pairs)`: each pair a key and its value."""
    no_keywords(c, node, "dict", ())
    if len(node.args) != 1:
        raise c.error(node, f"dict expected at most 1 argument, got {len(node.args)}")
    node.call = ("builtin", "dict")  # type: ignore[attr-defined]
    arg = node.args[0]
    t = c.expr(arg, want if isinstance(want, DictType) else None)
    c.heap_use(node, "dicts", "dict() allocates")
    if isinstance(t, DictType):
        if isinstance(want, DictType) and T.assignable(t, want):
            return want
        return t
    e = c.element_type(arg, t)
    if not isinstance(e, TupleType) or len(e.elements) != 2:
        raise c.error(arg, f"dict() takes a dict or pairs (key, value), got items of type "
                           f"\"{e}\"")
    key, value = e.elements
    if isinstance(want, DictType) and T.assignable(key, want.key) \
            and T.assignable(value, want.value):
        return want
    c.hashable(arg, key)
    return DictType(key, value)


def instance_sum(c: Checker, node: ast.Call, e: T.Type, start: ast.expr | None) -> T.Type:
    """`sum(E, start)` of instances: `total = total + item` for each item,
    by the method check/operators.py chooses, recorded on a node of its
    own (`node.sum_step`) for the builder."""
    from .operators import instance_binop
    # Without a start, CPython's total begins as the int 0.
    total = c.expr(start, None) if start is not None else T.I64
    step = ast.BinOp(left=start or node.args[0], op=ast.Add(), right=node.args[0])
    ast.copy_location(step, node)
    result = instance_binop(c, step, step.op, total, e)
    if result is None:
        shown = "int" if start is None else str(total)
        raise c.error(node, f"unsupported operand types for + (\"{shown}\" and \"{e}\"): "
                            f"sum() adds each item to the total"
                            + ("" if start is not None else ", which starts at 0"))
    if start is None and result != total:
        raise c.error(node, f"sum() of \"{e}\" without a start begins at 0, so an empty "
                            f"iterable gives 0, an int, not a \"{result}\"; give the start, "
                            f"as in sum(items, {e}(...))")
    if not T.assignable(result, total):
        raise c.error(node, f"sum() adds each item to the total: \"{total}\" + \"{e}\" "
                            f"gives \"{result}\", not the start's type \"{total}\"")
    node.sum_step = step  # type: ignore[attr-defined]
    c.heap_use(node, "lists", "sum() iterates over objects")
    return total
