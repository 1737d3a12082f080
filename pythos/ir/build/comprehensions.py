"""Comprehensions (a mixin of `build.FunctionBuilder`), issue 11.

`[elt for x in xs if c for y in ys]`, `{k: v for ...}` and `{e for ...}`
are built as CPython runs them: a new, empty container in a hidden
variable, then one loop per `for` clause, nested, the innermost adding
the element.  Each loop is a `for` statement's loop (iterate.py), so a
comprehension iterates over exactly what a `for` statement can, with
the same unpacking (`[k for k, v in d.items()]`): the builder makes an
`ast.For` whose body is a `BuilderStep`, the next clause.  An `if` of a
clause jumps to the loop's next iteration when it fails.

A plain `for i in range(...)` clause keeps the range loop of the `for`
statement (`for_range`), with its bounds-check removal.

Python 3 gives a comprehension a scope of its own, so its variables do
not leak into the function: the checker binds them as Locals of their
own (check/containers.py, `comprehension`), and the builder gives each
one a register of its own on first use (`local_register`).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ...diagnostics import CompileError
from ...types import I64, DictType, SetType
from ..ops import Call, ContainerTypeInfo, Integer, Value
from .errors import checked_call
from .iterate import BuilderStep
from .lists import item_kind

if TYPE_CHECKING:
    from . import FunctionBuilder

Comprehension = ast.ListComp | ast.SetComp | ast.DictComp


def own_names(nodes: list[ast.AST], name: str) -> list[ast.Name]:
    """The Names `name` in `nodes`, outside nested comprehensions and
    lambdas (which have variables of their own)."""
    found: list[ast.Name] = []
    todo = list(nodes)
    while todo:
        n = todo.pop()
        if isinstance(n, ast.Name) and n.id == name:
            found.append(n)
        if isinstance(n, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp,
                          ast.Lambda)):
            continue
        todo.extend(ast.iter_child_nodes(n))
    return found


def target_names(target: ast.expr) -> list[ast.Name]:
    """The names a (possibly unpacking) target binds."""
    if isinstance(target, ast.Name):
        return [target]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [n for e in target.elts for n in target_names(e)]
    if isinstance(target, ast.Starred):
        return target_names(target.value)
    return []


class ComprehensionBuilder:
    """Mixed into `build.FunctionBuilder`."""

    checker: Any
    registers: dict[Any, Any]
    loops: list[Any]

    if TYPE_CHECKING:
        def add(self, op: Any) -> Any: ...
        def expr(self, node: ast.expr) -> Value: ...
        def not_yet(self, node: ast.AST, what: str) -> CompileError: ...

    def _cb(self) -> FunctionBuilder:
        return self  # type: ignore[return-value]

    # ----- the three forms ------------------------------------------------------------
    def expr_ListComp(self, node: ast.ListComp) -> Value:
        b = self._cb()
        lt = b.list_type(node, node.ty)  # type: ignore[attr-defined]
        result = b.hidden("listcomp", lt)
        ti = self.add(ContainerTypeInfo(lt, item_kind(lt.element) or 0))
        raw = self.add(Call(b.list_fn("list_new"), [ti, Integer(0, I64)]))
        b.assign(result, b.as_object(raw, lt))

        def append() -> None:
            v = self.expr(node.elt)
            checked_call(b, node, b.list_fn("list_append"), [result, b.to_slot(v, lt.element)])

        self.comprehension(node, 0, append)
        return result  # type: ignore[no-any-return]

    def expr_SetComp(self, node: ast.SetComp) -> Value:
        b = self._cb()
        st: SetType = node.ty  # type: ignore[attr-defined]
        result = b.hidden("setcomp", st)
        b.assign(result, b.map_call(node, "set_new", [b.typeinfo_of(node, st)], result=st))

        def add() -> None:
            b.map_call(node, "set_add", [result, b.key_slot(node.elt, st.element)])

        self.comprehension(node, 0, add)
        return result  # type: ignore[no-any-return]

    def expr_DictComp(self, node: ast.DictComp) -> Value:
        b = self._cb()
        dt: DictType = node.ty  # type: ignore[attr-defined]
        result = b.hidden("dictcomp", dt)
        b.assign(result, b.map_call(node, "dict_new", [b.typeinfo_of(node, dt), Integer(0, I64)],
                                    result=dt))

        def put() -> None:
            # The key first, then the value (Python 3.8 and later).
            key = b.key_slot(node.key, dt.key)
            value = b.key_slot(node.value, dt.value)
            b.map_call(node, "dict_setitem", [result, key, value])

        self.comprehension(node, 0, put)
        return result  # type: ignore[no-any-return]

    def expr_GeneratorExp(self, node: ast.GeneratorExp) -> Value:
        return self.generator_expression(node)  # type: ignore[attr-defined]  # generators.py

    # ----- the loops --------------------------------------------------------------------
    def comprehension(self, node: Comprehension, depth: int,
                      element: Callable[[], None]) -> None:
        """The loop of clause `depth` and, inside it, the later clauses;
        `element()` in the innermost."""
        b = self._cb()
        if depth == len(node.generators):
            element()
            return
        gen = node.generators[depth]
        self.scope_names(node, depth)

        def inner() -> None:
            for test in gen.ifs:
                ok = b.new_block("comp.if")
                b.branch(b.truth(test), ok, self.loops[-1][0])
                b.activate(ok)
            self.comprehension(node, depth + 1, element)

        step = BuilderStep(inner)
        loop = ast.For(target=gen.target, iter=gen.iter, body=[step], orelse=[])
        ast.copy_location(step, node)
        ast.copy_location(loop, node)
        it = gen.iter
        if isinstance(gen.target, ast.Name) and isinstance(it, ast.Call) \
                and getattr(it, "call", None) == ("builtin", "range") \
                and (len(it.args) < 3 or getattr(it.args[2], "const", None) is not None):
            loop.kind = "range"  # type: ignore[attr-defined]
            b.stmt_For(loop)  # the range loop of a for statement
            return
        b.for_each(loop)

    def scope_names(self, node: Comprehension, depth: int) -> None:
        """Give clause `depth`'s variables registers of their own.  The
        checker may type a comprehension more than once (a call's argument
        is tried against the parameter's type), so a later use can hold
        the Local of an earlier round: all of them are this variable."""
        b = self._cb()
        gen = node.generators[depth]
        parts: list[ast.AST] = [*gen.ifs, *node.generators[depth + 1:]]
        if isinstance(node, ast.DictComp):
            parts += [node.key, node.value]
        else:
            parts.append(node.elt)
        for name in target_names(gen.target):
            reg = b.local_register(name.sym)  # type: ignore[attr-defined]
            for use in own_names(parts, name.id):
                sym = getattr(use, "sym", None)
                if sym is not None and sym not in self.registers:
                    self.registers[sym] = reg
