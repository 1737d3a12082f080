"""Arithmetic operators on instances: `__add__`, `__radd__` and their
kin (issue 11).

`a + b` where an operand is an instance calls a special method of its
class, chosen as CPython chooses it, from the static types:

1. if b's class is a proper subclass of a's and *overrides* the
   reflected method (`__radd__`), b's goes first (so a subclass can
   take over the result's type);
2. else a's `__add__`; its parameter must accept b's type, since
   CPython calls it whatever b is, and only a `NotImplemented` result
   (which a typed method does not return) would let b's method try;
3. else (a has no `__add__`) b's `__radd__`, if its parameter accepts
   a's type (`0 + m` with `Money.__radd__(self, other: int)`);
4. else the operation is an error, as mypy reports it.

So the choice is made once, at compile time, from the static types.
`a += b` without an `__iadd__` is `a = a + b`, as in CPython.  The
checker records the choice on the node (`binop_method`: the method, and
whether the operands are swapped); the builder calls it
(pythos/ir/build/operators.py), through the vtable if a subclass
overrides it.
"""

from __future__ import annotations

import ast
from typing import Any

from .. import types as T
from ..symbols import FuncSym
from ..types import ClassType

# Each operator's method and reflected method.
BINARY_METHODS: dict[type, tuple[str, str]] = {
    ast.Add: ("__add__", "__radd__"), ast.Sub: ("__sub__", "__rsub__"),
    ast.Mult: ("__mul__", "__rmul__"), ast.FloorDiv: ("__floordiv__", "__rfloordiv__"),
    ast.Mod: ("__mod__", "__rmod__"), ast.BitAnd: ("__and__", "__rand__"),
    ast.BitOr: ("__or__", "__ror__"), ast.BitXor: ("__xor__", "__rxor__"),
}
# For SPECIAL_METHODS (check/classes.py): one parameter after self, any result.
ARITHMETIC_SPECIALS = {name: (1, None) for pair in BINARY_METHODS.values() for name in pair}


def method_taking(ct: T.Type, name: str, other: T.Type) -> FuncSym | None:
    """`ct`'s method `name`, if ct is a class and the method's parameter
    accepts `other`."""
    if not isinstance(ct, ClassType):
        return None
    fn = ct.find_method(name)
    if isinstance(fn, FuncSym) and len(fn.params) == 2 and T.assignable(other,
                                                                         fn.params[1].type):
        return fn
    return None


def instance_binop(c: Any, node: ast.AST, op: ast.operator, lt: T.Type,
                   rt: T.Type) -> T.Type | None:
    """The type of `left op right` when a special method backs it (see
    above), recording the choice on `node`; None when none does."""
    names = BINARY_METHODS.get(type(op))
    if names is None:
        return None
    forward, reflected = names
    chosen: tuple[FuncSym, bool] | None = None
    if isinstance(lt, ClassType) and isinstance(rt, ClassType) and rt is not lt \
            and rt.is_subclass(lt):
        mine = method_taking(rt, reflected, lt)
        if mine is not None and mine is not lt.find_method(reflected):
            chosen = (mine, True)
    if chosen is None and isinstance(lt, ClassType) and isinstance(
            lt.find_method(forward), FuncSym):
        fn = method_taking(lt, forward, rt)
        if fn is None and method_taking(rt, reflected, lt) is None:
            return None  # nothing takes these operands: the usual error
        if fn is None:
            # CPython calls it anyway, and only its NotImplemented result,
            # which a typed method does not return, would try the other.
            own = lt.find_method(forward)
            assert isinstance(own, FuncSym) and len(own.params) == 2
            raise c.error(node, f"unsupported operand type for {forward} of \"{lt}\": it "
                                f"takes \"{own.params[1].type}\", not \"{rt}\" (CPython "
                                f"calls it first, whatever the other operand has)")
        chosen = (fn, False)
    if chosen is None:
        fn = method_taking(rt, reflected, lt)
        if fn is not None:
            chosen = (fn, True)
    if chosen is None:
        return None
    node.binop_method = chosen  # type: ignore[attr-defined]
    c.record_call(chosen[0], node)
    return chosen[0].result
