"""Narrowing: what a test proves about a value, as mypy reads it (a mixin
of `Checker`).

A variable declared `Node | None` may hold None, so `x.value` is refused.
A test narrows it: inside `if x is not None:` it is a `Node`, and so it is
after `if x is None: return`, after `assert x is not None`, in the body of
`while x is not None:`, in the right operand of `x is not None and x.y`,
and after an early `continue` or `break`.  `isinstance(s, Circle)` narrows
a `Shape` to a `Circle` the same way.

The checker keeps `narrowed`, a map from a *key* (a local's name, or a
dotted path of attributes from one, `self.head`) to the type the code at
this point has proved for it.  `cond()` types a condition and returns two
maps, what holds when it is true and what holds when it is false; the
statements apply them to their blocks and join the results where paths
meet:

    if x is None:       true: {x: None}   false: {x: Node}
        return          (this path ends: only the false map goes on)
    x.value             x is a Node here

At a join a key survives only if every path that reaches it agrees.
Assigning to a key (or to a prefix of it: `self` or `self.head` for
`self.head.next`) forgets what was proved, and a loop forgets, at its top,
whatever its body assigns, since a later iteration arrives there after the
assignment.  Calls do not forget attribute (or global) narrowings; mypy
makes the same choice, and it is unsound in the same way (a method could
set the attribute to None again).  So the builder tests such a read for
None at run time and raises (ir/build/optional.py, `undone_narrowing`)
rather than read through address 0.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from .. import types as T
from ..symbols import FuncSym
from ..types import NONE_VALUE, OptionalType

if TYPE_CHECKING:
    from ..diagnostics import CompileError

Narrowings = dict[str, T.Type]


def key_of(node: ast.expr) -> str | None:
    """The narrowing key of a name or an attribute path (`a.b.c`)."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = key_of(node.value)
        return None if base is None else f"{base}.{node.attr}"
    return None


def join_maps(a: Narrowings, b: Narrowings) -> Narrowings:
    """What both paths proved: the keys they share, at a type both allow."""
    out: Narrowings = {}
    for key, ta in a.items():
        tb = b.get(key)
        if tb is None:
            continue
        joined = T.join_types(ta, tb)
        if joined is not None:
            out[key] = joined
    return out


def assigned_keys(body: list[ast.stmt]) -> set[str]:
    """The keys a block may assign (names, attribute paths), nested
    functions excluded (they assign their own locals)."""
    keys: set[str] = set()
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, (ast.Name, ast.Attribute)) and isinstance(node.ctx, ast.Store):
            key = key_of(node)
            if key is not None:
                keys.add(key)
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            continue
        stack.extend(ast.iter_child_nodes(node))
    return keys


def stops_the_program(stmt: ast.stmt) -> bool:
    """Whether `stmt` ends the program wherever it stands: a `panic(...)`
    call or `assert False`.  Both the narrowing here and the checker's
    missing-return check treat such a statement as an exit."""
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) \
            and isinstance(stmt.value.func, ast.Name) and stmt.value.func.id == "panic":
        return True
    return isinstance(stmt, ast.Assert) and isinstance(stmt.test, ast.Constant) \
        and not stmt.test.value


def terminates(body: list[ast.stmt]) -> bool:
    """Whether a block never falls through to the statement after it (it
    returns, breaks, continues or panics on every path)."""
    for stmt in body:
        if isinstance(stmt, (ast.Return, ast.Break, ast.Continue, ast.Raise)):
            return True
        if stops_the_program(stmt):
            return True
        if isinstance(stmt, ast.If) and stmt.orelse and terminates(stmt.body) \
                and terminates(stmt.orelse):
            return True
        if isinstance(stmt, ast.Try) and (terminates(stmt.finalbody) or (
                terminates(stmt.body + stmt.orelse)
                and all(terminates(h.body) for h in stmt.handlers))):
            return True
        if isinstance(stmt, ast.While) and isinstance(stmt.test, ast.Constant) \
                and stmt.test.value is True and not has_break(stmt.body):
            return True
    return False


def has_break(body: list[ast.stmt]) -> bool:
    """A `break` that leaves this loop (not one of a loop inside it)."""
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Break):
            return True
        if isinstance(node, (ast.For, ast.AsyncFor, ast.While)):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.FunctionDef, ast.Lambda)):
            continue
        stack.extend(ast.iter_child_nodes(node))
    return False


class Narrowing:
    """Mixed into `check.Checker`."""

    narrowed: Narrowings
    fn: FuncSym | None

    if TYPE_CHECKING:
        def expr(self, node: ast.expr, want: T.Type | None,
                 discard: bool = False) -> T.Type: ...
        def error(self, node: ast.AST, message: str) -> CompileError: ...
        def truth_type(self, node: ast.expr, t: T.Type) -> None: ...
        def isinstance_target(self, node: ast.Call) -> tuple[ast.expr, T.Type] | None: ...

    def forget(self, key: str) -> None:
        """An assignment to `key`: what was proved about it, and about
        anything reached through it, no longer holds."""
        for k in [k for k in self.narrowed if k == key or k.startswith(key + ".")]:
            del self.narrowed[k]

    def narrow_assigned(self, key: str | None, declared: T.Type, value: T.Type) -> None:
        """After `key = value`: mypy takes the value's type for a variable
        declared wider (`x: Node | None` then `x = Node()` is a Node)."""
        if key is None:
            return
        self.forget(key)
        if value != declared and T.assignable(value, declared):
            self.narrowed[key] = value

    def cond(self, node: ast.expr) -> tuple[Narrowings, Narrowings]:
        """Type `node` as a condition; return (narrowings if it is true,
        narrowings if it is false)."""
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yes, no = self.cond(node.operand)
            node.ty = T.BOOL  # type: ignore[attr-defined]
            return no, yes
        if isinstance(node, ast.BoolOp):
            return self.cond_boolop(node)
        t = self.expr(node, None)
        self.truth_type(node, t)
        return self.tested(node, t)

    def cond_boolop(self, node: ast.BoolOp) -> tuple[Narrowings, Narrowings]:
        """`a and b`: b is checked knowing a is true; the whole is true when
        both are, false when a is or (a true and) b is.  `or` mirrors it."""
        is_and = isinstance(node.op, ast.And)
        saved = dict(self.narrowed)
        through: Narrowings = {}  # what holds for the path that goes on
        settled: Narrowings | None = None  # what holds where it stopped early
        try:
            for value in node.values:
                self.narrowed = {**saved, **through}
                yes, no = self.cond(value)
                go_on, stop = (yes, no) if is_and else (no, yes)
                stop_here = {**through, **stop}
                settled = stop_here if settled is None else join_maps(settled, stop_here)
                through = {**through, **go_on}
        finally:
            self.narrowed = saved
        node.ty, node.truth_only = T.BOOL, True  # type: ignore[attr-defined]
        assert settled is not None
        return (through, settled) if is_and else (settled, through)

    def tested(self, node: ast.expr, t: T.Type) -> tuple[Narrowings, Narrowings]:
        """The narrowings of a condition that is not `not`/`and`/`or`."""
        if isinstance(node, ast.Compare) and len(node.ops) == 1 \
                and isinstance(node.ops[0], (ast.Is, ast.IsNot)):
            left, right = node.left, node.comparators[0]
            subject = left if is_none(right) else right if is_none(left) else None
            if subject is not None:
                key = key_of(subject)
                st = getattr(subject, "ty", None)
                if key is not None and isinstance(st, OptionalType):
                    none_map: Narrowings = {key: NONE_VALUE}
                    some_map: Narrowings = {key: st.inner}
                    if isinstance(node.ops[0], ast.Is):
                        return none_map, some_map
                    return some_map, none_map
            return {}, {}
        if isinstance(node, ast.Call):
            found = self.isinstance_target(node)
            if found is not None:
                subject, cls = found
                key = key_of(subject)
                st = getattr(subject, "ty", None)
                if key is None or st is None:
                    return {}, {}
                base = T.strip_optional(st)
                if T.assignable(cls, base) or base is T.OBJECT:
                    narrowed = cls
                elif T.assignable(base, cls):
                    narrowed = base  # already one: only the None is dropped
                else:
                    return {}, {}
                no: Narrowings = {}
                if isinstance(st, OptionalType) and cls is not T.OBJECT \
                        and T.assignable(st.inner, cls):
                    no = {key: NONE_VALUE}
                return {key: narrowed}, no
            return {}, {}
        key = key_of(node)
        if key is not None and isinstance(t, OptionalType):
            # `if x:` proves x is not None (a false x may still be a value).
            return {key: t.inner}, {}
        return {}, {}


def is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None
