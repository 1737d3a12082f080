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
from dataclasses import dataclass
from typing import Any

from .. import types as T
from ..diagnostics import CompileError
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
            # CPython calls it anyway; only its NotImplemented result would
            # let the other operand's method try.
            own = lt.find_method(forward)
            assert isinstance(own, FuncSym) and len(own.params) == 2
            raise c.error(node, f"unsupported operand type for {forward} of \"{lt}\": it "
                                f"takes \"{own.params[1].type}\", not \"{rt}\" (CPython "
                                f"calls it first, whatever the other operand has)")
        chosen = (fn, False)
    if chosen is None and lt is not rt:
        # (Of two operands of one class, CPython only asks the left.)
        fn = method_taking(rt, reflected, lt)
        if fn is not None:
            chosen = (fn, True)
    if chosen is None:
        return None
    node.binop_method = chosen  # type: ignore[attr-defined]
    c.record_call(chosen[0], node)
    node.binop_plan = binop_plan(c, node, op, lt, rt, chosen[0].result)  # type: ignore
    return chosen[0].result


@dataclass
class Dispatch:
    """How `a op b` (or `a op= b`) runs when the static types leave the
    choice to run time (pythos/ir/build/operators.py builds it).  Each
    list holds the methods one operand's run-time class may have: one
    `(None, fn)` when the static class has it (a call through the
    vtable reaches every override), else `(C, fn)` for each subclass C
    that defines it, tried by `isinstance`."""

    symbol: str  # "+" or "+=", for the TypeError
    names: tuple[str, str]  # the Python names of non-instance operands ("int")
    left: T.Type  # the operands' static types
    right: T.Type
    result: T.Type  # the operation's
    inplace: list[tuple[ClassType | None, FuncSym]]
    forward: list[tuple[ClassType | None, FuncSym]]
    reflected: list[tuple[ClassType | None, FuncSym]]
    # b's reflected method goes first when b is an instance of D (which
    # defines it) and a's class is exactly one of the classes listed:
    # then b's class is a proper subclass of a's and overrides it.
    reflected_first: list[tuple[ClassType, FuncSym, list[ClassType]]]
    maybe_same: bool  # whether a and b may be of one class at run time
    classes: list[ClassType]  # every class, to find the overrides


SYMBOLS: dict[type, str] = {
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.FloorDiv: "//", ast.Mod: "%",
    ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^", ast.LShift: "<<", ast.RShift: ">>"}


def python_name(t: T.Type) -> str:
    """The name CPython gives a non-instance operand's type in its
    TypeError (a fixed-width integer is its pythos.lang class)."""
    if t is T.I64:
        return "int"
    if isinstance(t, T.SetType):
        return "frozenset" if t.frozen else "set"
    for kind, name in ((T.ListType, "list"), (T.DictType, "dict"), (T.TupleType, "tuple"),
                       (T.VarTupleType, "tuple")):
        if isinstance(t, kind):
            return name
    return str(t)


def candidates(c: Any, node: ast.AST, st: T.Type,
               name: str) -> list[tuple[ClassType | None, FuncSym]]:
    """The methods `name` that an operand of static type `st` may have at
    run time (see Dispatch).  The builder checks each it may call
    (`usable`): whether one is reached can depend on NotImplemented, which
    is known once every method has been checked."""
    if not isinstance(st, ClassType):
        return []
    fn = st.find_method(name)
    found: list[tuple[ClassType | None, FuncSym]] = []
    if isinstance(fn, FuncSym):
        found.append((None, fn))
    else:
        for sub in (cs.type for cs in c.classes):
            if sub is st or not sub.is_subclass(st) or name not in sub.methods:
                continue
            if any(name in k.methods for k in sub.mro()[1:] if k.is_subclass(st)):
                continue  # under another subclass that defines it
            method = sub.methods[name]
            assert isinstance(method, FuncSym)
            found.append((sub, method))
    for _, method in found:
        c.record_call(method, node)
    return found


def usable(owner: ClassType, fn: FuncSym, other: T.Type, result: T.Type) -> str | None:
    """Why CPython's call of `fn` with an operand of type `other`, where
    the operation's type is `result`, cannot be compiled; None if it can."""
    where = f"{owner}.{fn.name}"
    if len(fn.params) != 2 or not T.assignable(other, fn.params[1].type):
        taken = fn.params[1].type if len(fn.params) == 2 else "other arguments"
        return f"CPython may call {where} here with a \"{other}\", but it takes \"{taken}\""
    if not T.assignable(fn.result, result):
        return (f"CPython may call {where} here, whose result \"{fn.result}\" is not the "
                f"operation's type \"{result}\"")
    return None


def may_return_not_implemented(fn: FuncSym, classes: list[ClassType]) -> bool:
    """Whether `fn`, or an override of it a vtable call may reach, can
    return NotImplemented (known once every method has been checked)."""
    if getattr(fn, "returns_not_implemented", False):
        return True
    owner = fn.cls
    return owner is not None and any(
        k is not owner and k.is_subclass(owner) and getattr(
            k.methods.get(fn.name), "returns_not_implemented", False) for k in classes)


def dispatched(plan: Dispatch) -> bool:
    """Whether `a op b` needs more than one fixed call: a method only some
    subclasses have, a subclass that may go first, a NotImplemented to fall
    back from, or operands of one class, which CPython does not reflect.
    Then every method of the plan may be called."""
    entries = plan.forward + plan.reflected
    return (any(owner is not None for owner, _ in entries) or bool(plan.reflected_first)
            or any(may_return_not_implemented(fn, plan.classes) for _, fn in entries)
            or (not plan.forward and plan.maybe_same))


def binop_plan(c: Any, node: ast.AST, op: ast.operator, lt: T.Type, rt: T.Type,
               result: T.Type) -> Dispatch:
    forward, reflected = BINARY_METHODS[type(op)]
    first: list[tuple[ClassType, FuncSym, list[ClassType]]] = []
    maybe_same = False
    if isinstance(lt, ClassType) and isinstance(rt, ClassType):
        maybe_same = lt.is_subclass(rt) or rt.is_subclass(lt)
        for d in (cs.type for cs in c.classes):
            if d is lt or not d.is_subclass(lt) or reflected not in d.methods or not (
                    d.is_subclass(rt) or rt.is_subclass(d)):
                continue
            fn = d.methods[reflected]
            assert isinstance(fn, FuncSym)
            why = usable(d, fn, lt, result)
            if why is not None:
                raise c.error(node, f"{why} (b's class, a subclass of a's, overrides it, so "
                                    f"it goes first)")
            c.record_call(fn, node)
            first.append((d, fn, [k for k in d.mro()[1:] if k.is_subclass(lt)]))
    symbol = SYMBOLS[type(op)] + ("=" if isinstance(node, ast.AugAssign) else "")
    plan = Dispatch(symbol, (python_name(lt), python_name(rt)), lt, rt, result, [],
                    candidates(c, node, lt, forward), candidates(c, node, rt, reflected),
                    first, maybe_same, [cs.type for cs in c.classes])
    # Checked once every method is (check_not_implemented_calls).
    c.__dict__.setdefault("operator_plans", []).append((c.fn, node, plan))
    return plan


def inplace_augassign(c: Any, s: ast.AugAssign, t: T.Type, rt: T.Type) -> bool:
    """`target op= value` where the target's class has the in-place
    method (`__iadd__`), or a subclass of it does: CPython calls it, and
    binds the target to its result, whatever the value is; if it returns
    `NotImplemented` (or the run-time class has none) `a op= b` is
    `a = a op b`, by the operator's own dispatch.  So its parameter must
    accept the value, and its result must be something the target can
    hold.  Records the method on `s` (`inplace_method`, and the methods a
    subclass may have on the Dispatch) and returns True; False when no
    class the target may hold has one (then `a op= b` is `a = a op b`)."""
    name = INPLACE_METHODS.get(type(s.op))
    if name is None or not isinstance(t, ClassType):
        return False
    found = candidates(c, s, t, name)
    if not found:
        return False
    own = t.find_method(name)
    if isinstance(own, FuncSym):
        if len(own.params) != 2 or not T.assignable(rt, own.params[1].type):
            raise c.error(s, f"unsupported operand type for {name} of \"{t}\": it takes "
                             f"\"{own.params[1].type}\", not \"{rt}\" (CPython calls it "
                             f"first, whatever the other operand has)")
        if not T.assignable(own.result, t):
            raise c.error(s, f"incompatible types in augmented assignment (result of {name} "
                             f"\"{own.result}\", target \"{t}\")")
        s.inplace_method = own  # type: ignore[attr-defined]
    for owner, fn in found:
        why = usable(owner or t, fn, rt, t)
        if why is not None:
            raise c.error(s, why)
    # The fallback, `a = a op b`, if there is one that fits the target.
    try:
        fallback = instance_binop(c, s, s.op, t, rt)
    except CompileError:
        fallback = None
    if fallback is None or not T.assignable(fallback, t):
        for attr in ("binop_method", "binop_plan"):
            if hasattr(s, attr):
                delattr(s, attr)
        if not isinstance(own, FuncSym):
            return False  # only some subclasses have it: mypy's error
    s.inplace_candidates = found  # type: ignore[attr-defined]
    return True


OPERATOR_METHODS = frozenset(ARITHMETIC_SPECIALS)
# Each method's operator, for messages.
SYMBOL_OF = {name: SYMBOLS[op] + ("=" if name == INPLACE_METHODS[op] else "")
             for op, pair in BINARY_METHODS.items()
             for name in (*pair, INPLACE_METHODS[op])}


def return_not_implemented(c: Any, s: ast.Return) -> bool:
    """`return NotImplemented` in an operator's method: the operator then
    tries the other operand's method, as in CPython (and the in-place
    operator the plain one).  Pythos has no `object` value to carry it
    in, so it is allowed only where the operator's dispatch is the only
    caller that can see it: a binary operator's special method whose
    result is an instance (the dispatch compares the result with a static
    marker object; pythos/ir/build/operators.py), and the method is never
    called by name (`check_not_implemented_calls`).  True if `s` is one."""
    value = s.value
    if not (isinstance(value, ast.Name) and value.id == "NotImplemented"):
        return False
    fn = c.fn
    if fn.cls is None or fn.name not in OPERATOR_METHODS:
        raise c.error(value, "NotImplemented can only be returned by a binary operator's "
                             "special method (__add__, __radd__, __iadd__ and their kin), "
                             "so that the operator can try the other operand's method")
    if not isinstance(T.strip_optional(fn.result), ClassType):
        raise c.error(value, f"{fn.name} returns NotImplemented, so its result must be an "
                             f"instance of a class (Pythos passes NotImplemented as a "
                             f"marker object where an instance goes), not \"{fn.result}\"")
    fn.returns_not_implemented = True
    s.not_implemented = True  # type: ignore[attr-defined]
    return True


def check_not_implemented_calls(c: Any, functions: list[FuncSym]) -> None:
    """A method that may return NotImplemented is called only by its
    operator, which knows to try the next method; a call by name
    (`a.__add__(b)`, `super().__add__(b)`, a bound method) would hand the
    marker to code that takes it for an instance.  And every method an
    operator's dispatch may reach, now that NotImplemented is known, must
    take the operand CPython would pass it."""
    for fn, node, plan in c.__dict__.get("operator_plans", []):
        if fn is None or not dispatched(plan):
            continue
        for entries, other in ((plan.forward, plan.right), (plan.reflected, plan.left)):
            for owner, method in entries:
                assert method.cls is not None
                why = usable(owner or method.cls, method, other, plan.result)
                if why is not None:
                    c.fn, c.module = fn, fn.module
                    raise c.error(node, why)
    classes = [cs.type for cs in c.classes]
    for fn in functions:
        for callee, node in getattr(fn, "calls", []):
            if callee.cls is None or callee.name not in OPERATOR_METHODS or \
                    not may_return_not_implemented(callee, classes):
                continue  # (an override's NotImplemented counts: the call may reach it)
            if isinstance(node, (ast.BinOp, ast.AugAssign)) or hasattr(node, "sum_step"):
                continue
            c.fn, c.module = fn, fn.module  # where the error is
            raise c.error(node, f"{callee.cls}.{callee.name} may return NotImplemented, "
                                f"which only its operator handles; call it through the "
                                f"operator ('{SYMBOL_OF.get(callee.name, 'op')}'), not by name")
