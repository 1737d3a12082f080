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

`async for x in a` calls `a.__aiter__()` once, then, before each turn of
the loop (the `more` of `loop`, ir/build/__init__.py), awaits
`it.__anext__()` with a handler of its own around the await: a
StopAsyncIteration that reaches it is dropped and ends the loop (to its
`else`), any other error goes on to the enclosing handler, and an item
is assigned to the loop's target at once.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from ... import types as T
from ...parse import EXCEPTIONS_MODULE
from ...symbols import FuncSym
from ...types import U64, CoroutineType
from ..ops import Call, Integer, TypeInfoAddr

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

    def stmt_AsyncFor(self, s: ast.AsyncFor) -> None:
        """The loop (the shape of `loop`, ir/build/__init__.py, but the
        fetch branches to the body or the `else` by itself, so that no path
        reaches the body with the target unassigned):

            head:  it.__anext__(), awaited      (continue -> head)
                   item: target = item; goto body
                   StopAsyncIteration: goto else
                   another error: to the enclosing handler
            body:  <body>; goto head
            else:  <orelse>; goto end           (break -> end)
        """
        b = self._a()
        aiter: FuncSym = s.aiter  # type: ignore[attr-defined]
        anext: FuncSym = s.anext  # type: ignore[attr-defined]
        assert isinstance(anext.result, CoroutineType)
        iterator = b.kept(b.call_method(s.iter, aiter, [b.expr(s.iter)]), "async_for.iterator")
        stop_class = b.checker.scopes[EXCEPTIONS_MODULE]["StopAsyncIteration"].type
        assert isinstance(stop_class, T.ClassType)
        head = b.new_block("async_for.head")
        body = b.new_block("async_for.body")
        other = b.new_block("async_for.else")
        end = b.new_block("async_for.end")
        b.goto(head)
        b.activate(head)
        outer = b.raise_target()
        failed = b.new_block("anext.error")
        b.handlers.append(failed)
        coro = b.call_method(s.iter, anext, [iterator])
        item = b.delegate_to(s.iter, b.kept(coro, "await.iterator"), anext.result)
        b.handlers.pop()
        b.store_value(s.target, item)
        b.goto(body)
        # The handler: StopAsyncIteration ends the loop, others go on.
        b.activate(failed)
        rec = b.hidden("async_for.caught", U64)
        b.assign(rec, b.add(Call(b.exc_rt("exc_save"), [])))
        hit = b.add(Call(b.exc_rt("exc_matches"), [
            rec, b.add(TypeInfoAddr(stop_class)), Integer(b.kind_mask(stop_class), U64)]))
        stopped, again = b.new_block("anext.stopped"), b.new_block("anext.other")
        b.branch(hit, stopped, again)
        b.activate(again)
        b.add(Call(b.exc_rt("exc_restore"), [rec]))
        b.goto(outer)
        b.activate(stopped)
        b.add(Call(b.exc_rt("exc_drop"), [rec]))
        b.goto(other)
        b.activate(body)
        b.loops.append((head, end, len(b.cleanups)))
        b.body(s.body)
        b.loops.pop()
        if not b.terminated:
            b.goto(head)
        b.activate(other)
        b.body(s.orelse)
        if not b.terminated:
            b.goto(end)
        b.activate(end)
