"""Checking the iterator protocol (a mixin of `check.Checker`), issue 11.

An iterator class ends its iteration the way Python's protocol says:
`__next__` executes `raise StopIteration` (check/exceptions.py), which
every caller of `__next__` checks: a `for` loop ends, `next(it)` lets
the exception go on (pythos/ir/build/iterate.py).

`iter(x)` and `next(it)` are typed as mypy types them when `x` is an
instance: `iter(x)` is what `x.__iter__()` returns, `next(it)` what
`it.__next__()` returns.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from .. import types as T
from ..types import ClassType

if TYPE_CHECKING:
    from ..diagnostics import CompileError
    from ..symbols import FuncSym



class Iteration:
    """Mixed into `check.Checker`."""

    fn: Any

    if TYPE_CHECKING:
        def error(self, node: ast.AST, message: str) -> CompileError: ...
        def scope(self) -> dict[str, Any]: ...
        def call_method_of(self, node: ast.AST, ct: ClassType, name: str) -> FuncSym | None: ...
        def heap_use(self, node: ast.AST, what: str, why: str) -> None: ...
        def expr(self, node: ast.expr, want: T.Type | None) -> T.Type: ...

    def class_iter_next(self, node: ast.Call, name: str) -> T.Type | None:
        """`iter(x)` or `next(x)` of an instance: what its `__iter__` or
        `__next__` returns; None when `x` is not an instance."""
        if len(node.args) != 1 or node.keywords:
            return None
        t = self.expr(node.args[0], None)
        if name == "next" and isinstance(t, T.IteratorType) and t.name.startswith("dict_"):
            # A view is iterable, not an iterator (CPython: TypeError).
            raise self.error(node.args[0], f"'{t.name}' object is not an iterator (use "
                                           f"iter() first)")
        if not isinstance(t, ClassType):
            return None
        method = "__iter__" if name == "iter" else "__next__"
        fn = self.call_method_of(node, t, method)
        if fn is None:
            what = "is not iterable" if name == "iter" else "is not an iterator"
            raise self.error(node.args[0], f"\"{t}\" has no {method} method, so it {what}")
        node.call = ("builtin", name)  # type: ignore[attr-defined]
        node.method = fn  # type: ignore[attr-defined]
        return fn.result  # type: ignore[no-any-return]
