"""Plain ints: values that CPython keeps as Python `int`s (a mixin of
`Checker`).

Under CPython only pythos.lang's classes wrap.  A bare literal, an untyped
`Final` constant, `len()`, a `bytes` element and a `range()` or `bytes`
loop variable are plain `int`s whatever width the compiler gives them, and
an annotation converts nothing: after `a: u8 = 200`, `a + 100` is 300 under
CPython and 44 compiled.  So this module answers one question, "can this
expression's CPython value be a plain int?" (`plain_int_source`), and
refuses such a value in two places:

- stored into sized storage (a local or global, an argument, a return
  value, a default, a `Final[T]` constant): `no_plain_literal`;
- as every operand of an operator that can leave its type's range, when a
  literal reaches it through a choice (`(200 if c else x) + 100`):
  `no_plain_arithmetic`.  Plain operands that are not literals (range()
  variables, len()) are the first documented difference from CPython.

The answer follows what pythos.lang's operators return: sized as soon as
one operand is sized (`x + 1` is a u8 for a u8 x), plain only if all
operands are.  A conditional expression, `and` and `or` return one of their
operands, so they are plain when any operand is.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING

from .. import types as T
from ..symbols import FuncSym, Local
from ..types import I64, IntType

if TYPE_CHECKING:
    from ..diagnostics import CompileError
    from ..parse import Module


def is_int(t: T.Type | None) -> bool:
    return isinstance(t, IntType)


class PlainInts:
    """The plain-int checks; mixed into `check.Checker`, which provides
    the state and helpers declared here."""

    module: Module
    fn: FuncSym | None
    current: ast.AST | None
    # Per function: the loops around the statement being checked; the
    # plain-int loops found so far (position, loops around); the checks
    # made, to run again (check, position, loops); a site being rechecked.
    loops: list[ast.stmt]
    plain_loops: list[tuple[tuple[int, int], frozenset[int]]]
    plain_sites: list[tuple[Callable[[], None], tuple[int, int], frozenset[int]]]
    plain_site: tuple[tuple[int, int], frozenset[int]] | None
    plain_generation: int

    if TYPE_CHECKING:
        def const_int(self, node: ast.expr) -> int | None: ...
        def error(self, node: ast.AST, message: str) -> CompileError: ...
        def fit(self, node: ast.AST, value: int, t: T.Type, strict: bool) -> int: ...

    def mark_plain(self, target: ast.Name, why: str) -> None:
        """Note that a local may hold a plain int under CPython (a range()
        or bytes loop variable) although it has a sized type here: after
        this loop starts, and before it in any loop around both (a later
        iteration of which reaches the earlier statement again)."""
        var = getattr(target, "sym", None)
        if isinstance(var, Local) and is_int(var.type) and var.type != I64:
            var.plain = why
            source = (self.position(), frozenset(id(loop) for loop in self.loops))
            var.plain_from.append(source)
            self.plain_loops.append(source)
            # Answers given before are stale now (see plain_int_source).
            self.plain_generation += 1

    def position(self) -> tuple[int, int]:
        node = self.current
        return (getattr(node, "lineno", 0), getattr(node, "col_offset", 0))

    def site(self) -> tuple[tuple[int, int], frozenset[int]]:
        """Where the expression being checked is: its statement's position
        and the loops around it."""
        if self.plain_site is not None:
            return self.plain_site
        return self.position(), frozenset(id(loop) for loop in self.loops)

    def sees_plain(self, var: Local) -> bool:
        """Can the value of `var` here be one a plain-int loop gave it?"""
        where, loops = self.site()
        return any(start < where or loops & around for start, around in var.plain_from)

    def recheck_plain_sites(self) -> None:
        """Run the checks again for statements that a plain-int loop found
        later can reach through an enclosing loop's next iteration."""
        sites, self.plain_sites = self.plain_sites, []
        for check, where, loops in sites:
            if any(where < start and loops & around for start, around in self.plain_loops):
                self.plain_site = (where, loops)
                self.plain_generation += 1  # answers depend on the site now
                try:
                    check()
                finally:
                    self.plain_site = None

    def no_plain_literal(self, node: ast.expr, want: T.Type, what: str,
                         advice: str = "write {fix}") -> None:
        """Reject storing a value that may be a plain `int` under CPython
        into sized storage (a local or global, an argument, a return value,
        a default, a typed constant).

        Under CPython a bare literal stays a plain `int` even when stored in
        a variable annotated u8, so arithmetic on it later would not wrap
        there, while compiled code would.  The same holds for any expression
        whose value can be such an int: `200 if c else x` is the plain 200
        when c is true, `x or 200` when x is zero.  Such stores need an
        explicit conversion, which is also what mypy asks for.  (i64 is
        Python's `int` here, and the runtime's own modules never run on
        CPython.)  Called before the value is typed, this sees only the
        constants in it; called again after, it sees the rest."""
        if not isinstance(want, IntType) or want == I64 or \
                self.module.name.startswith("pythos.rt"):
            return
        if self.fn is not None:
            self.plain_sites.append((lambda: self.no_plain_literal(node, want, what, advice),
                                     *self.site()))
        found = self.plain_int_source(node)
        if found is None:
            return
        culprit, desc = found
        value = self.const_int(culprit)
        if value is not None:
            # A literal that does not fit at all is reported as that: the
            # conversion would wrap it, which is not what its writer meant.
            self.fit(culprit, value, want, strict=True)
        text = self.source_text(culprit)
        fix = advice.format(fix=f"{want}({text})")
        if culprit is node:
            raise self.error(node, f"{what} has type {want}, but {desc} is a plain int under "
                                   f"CPython; {fix}")
        raise self.error(culprit, f"{what} has type {want}, but under CPython "
                                  f"'{self.source_text(node)}' can be '{text}', {desc}, "
                                  f"which is a plain int there and would not wrap; {fix}")

    def source_text(self, node: ast.AST) -> str:
        return ast.get_source_segment(self.module.source, node) or ast.unparse(node)

    def no_plain_arithmetic(self, node: ast.AST, op: ast.AST, t: T.Type,
                            operands: list[ast.expr]) -> None:
        """Reject arithmetic that wraps here but not under CPython because a
        literal reached it through a choice: in `(200 if c else x) + 100`
        the conditional is typed u8 (from x), but when c is true CPython
        adds the plain ints 200 and 100 and gets 300.  Only an operation all
        of whose operands can be plain ints is affected (`x + 1` with a u8
        x is a u8 there too); plain operands that are not literals (range()
        variables, len()) are the documented first difference from CPython.
        And only an operator that can leave the type's range: `%`, `>>` and
        (for in-range operands) `& | ^` give the same plain int under
        CPython as the wrapped one here."""
        if not isinstance(t, IntType) or t == I64 or self.module.name.startswith("pythos.rt"):
            return
        if self.fn is not None:
            self.plain_sites.append((lambda: self.no_plain_arithmetic(node, op, t, operands),
                                     *self.site()))
        if any(self.plain_int_source(a) is None for a in operands):
            return
        if not self.can_leave_range(op, t, operands):
            return
        for a in operands:
            lit = self.choice_constant(a)
            if lit is not None:
                text = self.source_text(lit)
                raise self.error(lit, f"under CPython '{self.source_text(a)}' can be a plain "
                                      f"int (from {text}), and then "
                                      f"'{self.source_text(node)}' would not wrap at {t} as it "
                                      f"does here; write {t}({text})")

    def can_leave_range(self, op: ast.AST, t: IntType, operands: list[ast.expr]) -> bool:
        """Can `op` on plain ints within t's range give a result outside it?"""
        if isinstance(op, (ast.Mod, ast.RShift, ast.UAdd)):
            return False
        if isinstance(op, ast.FloorDiv):
            return t.signed  # MIN // -1
        if isinstance(op, ast.Invert):
            return not t.signed
        if isinstance(op, (ast.BitAnd, ast.BitOr, ast.BitXor)):
            # A literal of a ring operator may be any bit pattern of the
            # width (`x | -16`), which is out of range as a plain int.
            for a in operands:
                value = self.const_int(a)
                if value is not None and not t.min <= value <= t.max:
                    return True
            return False
        return True

    def choice_constant(self, node: ast.expr) -> ast.expr | None:
        """An untyped constant that `node`'s value can be through a
        conditional expression, `and` or `or` (`200` in `200 if c else x`),
        directly or through operators on plain ints (`(200 if c else x) & 7`
        is plain when the choice is)."""
        if isinstance(node, ast.BinOp):
            if self.plain_int_source(node) is None:
                return None
            return self.choice_constant(node.left) or self.choice_constant(node.right)
        if isinstance(node, ast.IfExp):
            options = [node.body, node.orelse]
        elif isinstance(node, ast.BoolOp):
            options = list(node.values)
        elif isinstance(node, ast.UnaryOp) and not isinstance(node.op, ast.Not):
            return self.choice_constant(node.operand)
        else:
            return None
        for option in options:
            if self.const_int(option) is not None:
                return option
            found = self.choice_constant(option)
            if found is not None:
                return found
        return None

    def plain_int_source(self, node: ast.expr) -> tuple[ast.expr, str] | None:
        """The part of `node` that can make its CPython value a plain `int`
        rather than a pythos.lang sized integer, with a description; None
        if the value is always sized.

        pythos.lang's operators give a sized result as soon as one operand
        is sized (`x + 1`, `1 << x`), so an operator is plain only when all
        its operands are.  A conditional expression, `and` and `or` return
        one of their operands, so they are plain when any operand is.
        Once a node is typed, the answer is final and remembered on it."""
        known = getattr(node, "pythos_plain", None)
        if known is not None and known[0] == self.plain_generation:
            return known[1]  # type: ignore[no-any-return]
        found = self.find_plain_int_source(node)
        if hasattr(node, "ty") and isinstance(node, (ast.BinOp, ast.UnaryOp, ast.IfExp,
                                                     ast.BoolOp)):
            node.pythos_plain = (self.plain_generation, found)  # type: ignore[union-attr]
        return found

    def find_plain_int_source(self, node: ast.expr) -> tuple[ast.expr, str] | None:
        if self.const_int(node) is not None:
            if isinstance(node, (ast.Name, ast.Attribute)):
                return node, f"the untyped constant '{ast.unparse(node)}'"
            return node, "a bare literal"
        if isinstance(node, ast.IfExp):
            return self.plain_int_source(node.body) or self.plain_int_source(node.orelse)
        if isinstance(node, ast.BoolOp):
            for v in node.values:
                found = self.plain_int_source(v)
                if found is not None:
                    return found
            return None
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd,
                                                                  ast.Invert)):
            found = self.plain_int_source(node.operand)
            return None if found is None else (node, found[1])
        if isinstance(node, ast.BinOp):
            if self.plain_int_source(node.left) is None or \
                    self.plain_int_source(node.right) is None:
                return None
            return node, "an operation on plain ints"
        if isinstance(node, ast.Name):
            sym = getattr(node, "sym", None)
            if isinstance(sym, Local) and sym.plain is not None and self.sees_plain(sym):
                return node, f"the {sym.plain} '{node.id}'"
            return None
        if isinstance(node, ast.Call) and getattr(node, "call", None) == ("builtin", "len"):
            return node, "the result of len()"
        if isinstance(node, ast.Subscript) and getattr(node, "sub", None) == "bytes":
            return node, "an element of bytes"
        return None
