"""`async with` and `async for` (a mixin of `build.FunctionBuilder`), issue 12.

Each is its synchronous statement with an `await` at every call of the
protocol (PEP 492; check/asyncs.py checked the methods).  An `await` of a
coroutine that a method call has just made is the loop of `yield from`
(`delegate_to`, generators.py) on it: this coroutine suspends each time
the method's coroutine does, a throw or close goes on into it, and its
return value is the value of the call.  So `async with` is the builder's
`stmt_With`, whose calls of `__aenter__` and `__aexit__` (on the way in,
and on every way out: the end of the body, `return`, `break`,
`continue`, an exception) each pass through `awaited`.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from ...types import CoroutineType

if TYPE_CHECKING:
    from ..ops import Value
    from . import FunctionBuilder


class AsyncBuilder:
    """Mixed into `build.FunctionBuilder`."""

    def _a(self) -> FunctionBuilder:
        return self  # type: ignore[return-value]

    def awaited(self, node: ast.AST, item: ast.AST, coro: Value, coro_t: object) -> Value:
        """`await` of the coroutine `coro` that a protocol method of an
        `async with` or `async for` (`item`) has just made; the call's
        value as is for the synchronous statement."""
        if not getattr(item, "awaited", False):
            return coro
        b = self._a()
        assert isinstance(coro_t, CoroutineType)
        where = node if isinstance(node, ast.expr) else getattr(item, "context_expr", node)
        assert isinstance(where, ast.expr)
        return b.delegate_to(where, b.kept(coro, "await.iterator"), coro_t)

    def stmt_AsyncWith(self, s: ast.AsyncWith) -> None:
        self._a().stmt_With(s)  # type: ignore[arg-type]
