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
`a += b` calls `a.__iadd__(b)` (or its kin, `__isub__` ... `__irshift__`)
when a's class has it, and rebinds the target to its result; without one
it is `a = a + b`, as in CPython.  The checker records the choice on
the node (`binop_method`: the method, and whether the operands are
swapped; `inplace_method`); the builder calls it
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
    ast.LShift: ("__lshift__", "__rlshift__"), ast.RShift: ("__rshift__", "__rrshift__"),
}
# Each augmented operator's in-place method (`a += b` calls `a.__iadd__(b)`).
INPLACE_METHODS: dict[type, str] = {op: "__i" + names[0][2:] for op, names in
                                    BINARY_METHODS.items()}
# For SPECIAL_METHODS (check/classes.py): one parameter after self, any result.
ARITHMETIC_SPECIALS = {name: (1, None) for name in [
    *(name for pair in BINARY_METHODS.values() for name in pair), *INPLACE_METHODS.values()]}


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


def inplace_augassign(c: Any, s: ast.AugAssign, t: T.Type, rt: T.Type) -> bool:
    """`target op= value` where the target's class has the in-place
    method (`__iadd__`): CPython calls it, and binds the target to its
    result, whatever the value is; only a `NotImplemented` result (which
    a typed method does not return) would fall back to `__add__`.  So,
    as for the forward method above, its parameter must accept the
    value, and its result must be something the target can hold.
    Records the method on `s` and returns True; False when the target's
    class has no such method (then `a op= b` is `a = a op b`)."""
    name = INPLACE_METHODS.get(type(s.op))
    own = t.find_method(name) if name is not None and isinstance(t, ClassType) else None
    if not isinstance(own, FuncSym) or len(own.params) != 2:
        return False
    if not T.assignable(rt, own.params[1].type):
        raise c.error(s, f"unsupported operand type for {name} of \"{t}\": it takes "
                         f"\"{own.params[1].type}\", not \"{rt}\" (CPython calls it first, "
                         f"whatever the other operand has)")
    if not T.assignable(own.result, t):
        raise c.error(s, f"incompatible types in augmented assignment (result of {name} "
                         f"\"{own.result}\", target \"{t}\")")
    s.inplace_method = own  # type: ignore[attr-defined]
    c.record_call(own, s)
    return True

