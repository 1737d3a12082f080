"""Checking `async with` and `async for` (a mixin of `check.Checker`), issue 12.

Both are the synchronous statements with an `await` at each call of the
protocol (PEP 492), and are compiled that way (ir/build/asyncs.py):

    async with m as v: body     v = await m.__aenter__(); body; and on
                                every way out, await m.__aexit__(...)
    async for x in a: body      it = a.__aiter__(); then, until
                                __anext__ raises StopAsyncIteration,
                                x = await it.__anext__(); body

So the checker asks what the synchronous one asks, of the async methods:
that they exist on the object's class (else CPython's TypeError wording,
which Pythos reports at compile time), and that `__aenter__`, `__aexit__`
and `__anext__` are coroutine functions (`async def`), whose results are
then the values of the `await`s.  `__aexit__` has the two forms `__exit__`
has: `(self, *exc: object) -> None`, which cannot see the exception, and
`(self, exc_type: object, exc: BaseException | None, tb: object) -> bool`,
which sees it and may suppress it (check/exceptions.py, exception_exit).
Both statements stand only inside `async def` (CPython's SyntaxError).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from .. import types as T
from ..symbols import FuncSym, Param
from ..types import NONE, AsyncGeneratorType, AsyncStepType, ClassType, CoroutineType

if TYPE_CHECKING:
    from ..diagnostics import CompileError


def type_name(t: T.Type) -> str:
    """A type as CPython's TypeErrors name an object's type."""
    if isinstance(t, ClassType):
        return t.name
    text = str(t)
    return text.split("[", 1)[0]


class AsyncStatements:
    """Mixed into `check.Checker`."""

    fn: FuncSym | None

    if TYPE_CHECKING:
        def error(self, node: ast.AST, message: str) -> CompileError: ...
        def expr(self, node: ast.expr, want: T.Type | None, discard: bool = False) -> T.Type: ...
        def block(self, body: list[ast.stmt]) -> None: ...
        def bind_local(self, target: ast.Name, t: T.Type, kind: str) -> Any: ...
        def bind_target(self, target: ast.expr, t: T.Type) -> None: ...
        def for_body(self, s: ast.For | ast.AsyncFor) -> None: ...
        def loop_entry(self, body: list[ast.stmt]) -> None: ...
        def resolve_type(self, node: ast.expr) -> T.Type: ...
        def throw_args(self, node: ast.Call, params: list[Param]) -> None: ...
        def bind_call_args(self, node: ast.Call, params: list[Any], name: str) -> None: ...
        def base_exception(self) -> T.ClassType | None: ...
        def mark_yields(self, body: list[ast.stmt]) -> None: ...
        loop_depth: int
        loops: list[ast.stmt]
        narrowed: dict[str, T.Type]

    def in_async_function(self, s: ast.stmt, what: str) -> None:
        fn = self.fn
        if fn is None or fn.name == "<module>" or not isinstance(
                fn.generator, (CoroutineType, AsyncGeneratorType)):
            raise self.error(s, f"'{what}' outside async function")  # CPython's SyntaxError

    def async_method(self, node: ast.expr, t: T.Type, name: str,
                     missing: str) -> FuncSym:
        """The coroutine method `name` of `t`'s class, or a diagnostic:
        `missing` if it has none (CPython's TypeError), another if it is
        not an `async def`."""
        method = t.find_method(name) if isinstance(t, ClassType) else None
        if not isinstance(method, FuncSym):
            raise self.error(node, missing)
        if not isinstance(method.result, CoroutineType):
            raise self.error(node, f"'{type_name(t)}.{name}' must be an 'async def' method: "
                                   f"its result is awaited, and it returns {method.result}")
        return method

    # ----- async with ---------------------------------------------------------------------
    def stmt_AsyncWith(self, s: ast.AsyncWith) -> None:
        from .exceptions import exception_exit
        self.in_async_function(s, "async with")
        for item in s.items:
            t = self.expr(item.context_expr, None)
            missing = (f"'{type_name(t)}' object does not support the asynchronous context "
                       f"manager protocol")  # CPython 3.11's TypeError
            if not (isinstance(t, ClassType) and isinstance(t.find_method("__aexit__"),
                                                            FuncSym)):
                raise self.error(item.context_expr, missing)
            enter = self.async_method(item.context_expr, t, "__aenter__", missing)
            exit_ = self.async_method(item.context_expr, t, "__aexit__", missing)
            assert isinstance(enter.result, CoroutineType)
            assert isinstance(exit_.result, CoroutineType)
            plain_exit = len(exit_.params) == 1 and exit_.result.result is NONE
            if len(enter.params) != 1 or not (plain_exit or exception_exit(
                    self, s, item, exit_, exit_.result.result)):  # type: ignore[arg-type]
                raise self.error(item.context_expr, "__aenter__ takes only self, and "
                                                    "__aexit__ takes self and *exc: object, "
                                                    "or (self, exc_type: object, exc: "
                                                    "BaseException | None, tb: object)")
            item.enter, item.exit = enter, exit_  # type: ignore[attr-defined]
            item.awaited = True  # type: ignore[attr-defined]
            if item.optional_vars is not None:
                if not isinstance(item.optional_vars, ast.Name):
                    raise self.error(item.optional_vars, "'async with ... as' binds one "
                                                         "plain name")
                if enter.result.result is NONE:
                    raise self.error(item.optional_vars, "__aenter__ returns nothing to bind")
                self.bind_local(item.optional_vars, enter.result.result, "value")
        self.block(s.body)

    # ----- async for ----------------------------------------------------------------------
    def stmt_AsyncFor(self, s: ast.AsyncFor) -> None:
        self.in_async_function(s, "async for")
        self.loop_entry(s.body)
        t = self.expr(s.iter, None)
        elem = self.async_iteration(s, t)
        self.bind_target(s.target, elem)
        self.for_body(s)

    def async_iteration(self, s: ast.AsyncFor, t: T.Type) -> T.Type:
        """The type of the items of `async for ... in <t>`, and the methods
        the builder calls (`s.aiter`, `s.anext`), or none for an
        asynchronous generator, whose frame the loop drives itself."""
        if isinstance(t, AsyncGeneratorType):
            return t.element
        aiter = t.find_method("__aiter__") if isinstance(t, ClassType) else None
        if not isinstance(aiter, FuncSym):
            raise self.error(s.iter, f"'async for' requires an object with __aiter__ method, "
                                     f"got {type_name(t)}")  # CPython's TypeError
        it = aiter.result
        if isinstance(it, CoroutineType) or len(aiter.params) != 1:
            raise self.error(s.iter, f"'{type_name(t)}.__aiter__' must be a plain method "
                                     f"taking only self (not 'async def'): it returns the "
                                     f"asynchronous iterator itself")
        anext = it.find_method("__anext__") if isinstance(it, ClassType) else None
        if not isinstance(anext, FuncSym):
            raise self.error(s.iter, f"'async for' received an object from __aiter__ that "
                                     f"does not implement __anext__: {type_name(it)}")
        if len(anext.params) != 1:
            raise self.error(s.iter, f"'{type_name(it)}.__anext__' takes only self")
        anext = self.async_method(s.iter, it, "__anext__", "")
        assert isinstance(anext.result, CoroutineType)
        if anext.result.result is NONE:
            raise self.error(s.iter, f"'{type_name(it)}.__anext__' returns None: it must "
                                     f"return the next item")
        s.aiter, s.anext = aiter, anext  # type: ignore[attr-defined]
        return anext.result.result

    # ----- asynchronous generators ----------------------------------------------------
    def async_generator_annotation(self, node: ast.Subscript, name: str) -> T.Type:
        """`AsyncGenerator[Y, S]`, `AsyncIterator[Y]` or `AsyncIterable[Y]`."""
        args = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
        want = 2 if name == "AsyncGenerator" else 1
        if len(args) != want:
            raise self.error(node, f"{name}[...] takes {want} type argument(s), got "
                                   f"{len(args)}")
        element = self.resolve_type(args[0])
        send = self.resolve_type(args[1]) if want == 2 else NONE
        return AsyncGeneratorType(element, name, send, NONE)

    def start_async_generator(self, fn: FuncSym, yields: list[ast.expr]) -> None:
        """An `async def` with `yield` (PEP 525): a generator whose frame
        also awaits.  Its result is declared AsyncGenerator[Y, S] (or
        AsyncIterator[Y], AsyncIterable[Y]) and stays that type: a call
        makes the generator, as a generator function's does."""
        assert fn.node is not None
        for y in sorted(yields, key=lambda n: (n.lineno, n.col_offset)):
            if isinstance(y, ast.YieldFrom):
                raise self.error(y, "'yield from' inside async function")  # CPython's
        if not isinstance(fn.result, AsyncGeneratorType):
            where: ast.AST = fn.node.returns or fn.node
            raise self.error(where, f"'{fn.name}' is an 'async def' with 'yield', so it is "
                                    f"an asynchronous generator function; declare its result "
                                    f"AsyncIterator[T], AsyncIterable[T] or "
                                    f"AsyncGenerator[Y, S], not {fn.result}")
        for y in yields:
            y.own_yield = True  # type: ignore[attr-defined]
        fn.generator = fn.result
        self.mark_yields(fn.node.body)

    def async_generator_method(self, node: ast.Call, f: ast.Attribute,
                               t: AsyncGeneratorType) -> T.Type:
        """`agen.__anext__()`, `agen.asend(v)`, `agen.athrow(e)`,
        `agen.aclose()`: an awaitable of the next item (of None for
        aclose), which only `await` may take (`await_step` marks it)."""
        name = f.attr
        known = ("__anext__", "asend", "athrow", "aclose") if t.name == "AsyncGenerator" \
            else ("__anext__",) if t.name == "AsyncIterator" else ()
        if name not in known:
            raise self.error(f, f"\"{t}\" has no attribute \"{name}\" (an "
                                f"AsyncGenerator[Y, S] has __anext__, asend, athrow and "
                                f"aclose; an AsyncIterator[Y] only __anext__)")
        if not getattr(node, "awaited_step", False):
            raise self.error(node, f"'{ast.unparse(node)}' makes an awaitable, which Pythos "
                                   f"compiles only as the operand of 'await': write "
                                   f"'await {ast.unparse(node)}'")
        if name == "athrow":
            base = self.base_exception()
            assert base is not None
            self.throw_args(node, [Param("value", base, None)])
        elif name == "asend":
            self.bind_call_args(node, [Param("value", t.send, None)], "AsyncGenerator.asend")
        else:
            self.bind_call_args(node, [], f"AsyncGenerator.{name}")
        result = NONE if name == "aclose" else t.element
        node.async_step = name  # type: ignore[attr-defined]
        if name != "aclose":
            # Its end is raised as StopAsyncIteration(), which the builder
            # makes by the ordinary code for a call of the class.
            stop = ast.Call(func=ast.Name(id="StopAsyncIteration", ctx=ast.Load()), args=[],
                            keywords=[])
            ast.copy_location(stop, node)
            ast.copy_location(stop.func, node)
            self.expr(stop, None)
            node.stop_async = stop  # type: ignore[attr-defined]
        return AsyncStepType(NONE, name, NONE, result)
