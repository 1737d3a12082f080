"""Compile-time constants, a mixin of `Checker`.

A module-level constant (`PAGE_SIZE: Final = 4096`, `MASK = PAGE_SIZE - 1`)
and the initializer of a static global are evaluated here, when compiling:
arithmetic, comparisons and references to other constants, typed by the
annotation or by their context, and wrapped or range-checked as the
integer type says.  Anything else is built by code at start-up
(check/modinit.py).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from .. import types as T
from ..diagnostics import CompileError
from ..parse import Module
from ..symbols import (
    ClassSym,
    ConstSym,
    FuncSym,
    ModuleRef,
)
from ..types import (
    BOOL,
    BYTES,
    STR,
    IntType,
)
from .objects import is_int


class Constants:
    """Mixed into `check.Checker`, which provides what is declared here."""

    fn: FuncSym | None
    scopes: dict[str, dict[str, Any]]
    stored_names: set[str]

    if TYPE_CHECKING:
        def error(self, node: ast.AST, message: str) -> CompileError: ...
        def expr(self, node: ast.expr, want: T.Type | None, discard: bool = False) -> T.Type: ...
        def resolve_lazy(self, scope: dict[str, Any], name: str) -> Any: ...
        def scope(self, m: Module | None = None) -> dict[str, Any]: ...
        def static_symbol(self, node: ast.expr) -> Any: ...

    def const_value(self, node: ast.expr, want: T.Type | None) -> tuple[T.Type | None, object]:
        """Evaluate a constant initializer.  Returns (type, value); type None
        means an untyped integer."""
        if isinstance(want, T.OptionalType):
            want = want.inner  # `x: int | None = 3`: the constant is an int
        if isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes, bool)):
            t: T.Type = {str: STR, bytes: BYTES, bool: BOOL}[type(node.value)]
            if want is not None and want != t:
                raise self.error(node, f"expected {want}, got {t}")
            node.ty, node.const = t, node.value  # type: ignore[attr-defined]
            return t, node.value
        if want is not None and not is_int(want) and want is not BOOL:
            raise self.error(node, f"a constant of type {want} is not supported")
        value = self.const_int(node)
        if value is not None:
            if want is None:
                return None, value
            return want, self.fit(node, value, want, strict=True)
        t = self.expr(node, want)
        c = getattr(node, "const", None)
        if c is None:
            raise self.error(node, "a Final value must be a constant expression")
        return t, c

    def const_int(self, node: ast.expr) -> int | None:
        """The value of an *untyped* integer constant expression, else None.

        Inside a function every module-level name is declared, so the
        answer for an operator node is remembered on it: typing a chain
        `a + b + c + ...` asks about each link, which would otherwise take
        time quadratic in its length."""
        if self.fn is not None and isinstance(node, (ast.BinOp, ast.UnaryOp)):
            known = getattr(node, "pythos_const_int", None)
            if known is not None:
                return known[0]  # type: ignore[no-any-return]
            value = self.compute_const_int(node)
            node.pythos_const_int = (value,)  # type: ignore[union-attr]
            return value
        return self.compute_const_int(node)

    def compute_const_int(self, node: ast.expr) -> int | None:
        if isinstance(node, ast.Constant):
            v = node.value
            return v if isinstance(v, int) and not isinstance(v, bool) else None
        if isinstance(node, ast.Name):
            scope = self.scope()
            if self.fn is not None and (node.id in self.fn.locals or (
                    node.id in self.stored_names and node.id not in self.fn.globals_declared)):
                return None
            sym = self.resolve_lazy(scope, node.id) if node.id in scope else None
            if isinstance(sym, ConstSym) and sym.type is None:
                return sym.value  # type: ignore[return-value]
            return None
        if isinstance(node, ast.Attribute) and isinstance(node.value, (ast.Name, ast.Attribute)):
            if isinstance(node.value, ast.Name) and self.fn is not None and (
                    node.value.id in self.fn.locals or node.value.id in self.stored_names):
                return None
            base = self.static_symbol(node.value)  # `m.X`, `pkg.m.X` or `Class.X`
            if isinstance(base, ModuleRef):
                # The module's name may still be the placeholder of an
                # import (`from .base import X` there): resolve it as
                # `expr` will, or an untyped constant is missed here.
                scope = self.scopes.get(base.module.name, {})
                sym = self.resolve_lazy(scope, node.attr) if node.attr in scope else None
                if isinstance(sym, ConstSym) and sym.type is None:
                    return sym.value  # type: ignore[return-value]
            if isinstance(base, ClassSym):
                const = base.type.find_constant(node.attr)
                if isinstance(const, ConstSym) and const.type is None:
                    return const.value  # type: ignore[return-value]
            return None
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd, ast.Invert)):
            v = self.const_int(node.operand)
            if v is None:
                return None
            return -v if isinstance(node.op, ast.USub) else ~v if isinstance(
                node.op, ast.Invert) else v
        if isinstance(node, ast.BinOp):
            a = self.const_int(node.left)
            if a is None:
                return None
            b = self.const_int(node.right)
            if b is None:
                return None
            op = node.op
            try:
                if isinstance(op, ast.Add):
                    return a + b
                if isinstance(op, ast.Sub):
                    return a - b
                if isinstance(op, ast.Mult):
                    return a * b
                if isinstance(op, ast.FloorDiv):
                    return a // b
                if isinstance(op, ast.Mod):
                    return a % b
                if isinstance(op, ast.BitAnd):
                    return a & b
                if isinstance(op, ast.BitOr):
                    return a | b
                if isinstance(op, ast.BitXor):
                    return a ^ b
                if isinstance(op, ast.LShift):
                    if b > 4096:
                        raise self.error(node, "constant shift count too large")
                    return a << b
                if isinstance(op, ast.RShift):
                    return a >> b
                if isinstance(op, ast.Pow):
                    if b < 0:
                        raise self.error(node, "negative exponent")
                    if abs(a) > 1 and b > 4096:
                        raise self.error(node, "constant too large")
                    return a ** b
            except ZeroDivisionError:
                raise self.error(node, "division by zero in a constant expression") from None
            except ValueError:
                raise self.error(node, "negative shift count") from None
            return None
        return None

    def fit(self, node: ast.AST, value: int, t: T.Type, strict: bool) -> int:
        """Give an untyped constant the type `t`.  `strict` demands the value
        be in range; otherwise (ring operators) any bit pattern of the width
        is accepted, since CPython's wrapped result is then the same."""
        if t is BOOL:
            raise self.error(node, "expected bool, got an integer")
        if not is_int(t):
            raise self.error(node, f"expected {t}, got an integer")
        assert isinstance(t, IntType)
        lo, hi = (t.min, t.max)
        if not strict:
            lo, hi = -(1 << (t.bits - 1)), (1 << t.bits) - 1
        if not lo <= value <= hi:
            raise self.error(node, f"integer {value} is out of range for {t}")
        return t.wrap(value)
