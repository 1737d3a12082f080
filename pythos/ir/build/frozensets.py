"""`frozenset` (issue 11): a set that cannot change, and so can be hashed.

A frozenset is a set object with another TypeInfo: the same layout, the
same table and the same runtime functions for everything that reads it
(`in`, `len`, iteration, `|`, `<=`, `union`, ...), and a kind of its own,
`KIND_FROZENSET`, whose `hash` and `repr` are CPython's for frozensets
(pythos/rt/obj/set.py).  The checker keeps what changes a set away from
it (`add`, `remove`, `clear`, ...; a display is a set), so the compiler
needs only three things of its own, here:

- `frozenset(E)` collects the items as `set(E)` does, into a frozenset's
  TypeInfo, and `frozenset()` is an empty one;
- `fs |= other` (and `&=`, `-=`, `^=`) makes a new frozenset and rebinds
  the name, where a set's is changed in place: CPython does the same,
  since a frozenset has no in-place operators.
"""

from __future__ import annotations

import ast
from typing import Any

from ... import types as T
from ..ops import Value


def frozenset_call(b: Any, node: ast.Call) -> Value:
    """`frozenset()` or `frozenset(E)`."""
    st: T.SetType = node.ty  # type: ignore[attr-defined]
    if not node.args:
        return b.map_call(node, "set_new", [b.typeinfo_of(node, st)],  # type: ignore
                          result=st)
    return b.set_of(node, node.args[0])  # type: ignore[no-any-return]


def frozenset_augassign(b: Any, s: ast.AugAssign) -> None:
    """`fs |= other`: `fs = fs | other`, the target read once."""
    target = s.target
    if not isinstance(target, ast.Name):
        raise b.not_yet(s, "augmented assignments to a frozenset that is not a variable")
    b.current = s
    old = b.expr(target)
    new = b.set_binop(s, s.op, old, b.expr(s.value), target.ty)  # type: ignore[attr-defined]
    b.store_value(target, new)
