"""Checking coroutines (a mixin of `check.Checker`), issue 12.

`async def f(...) -> R` is a coroutine function.  The parser turned it
into an ordinary FunctionDef marked `is_async` (parse.py), so it is
declared and called like any other function; what changes is its type:
a call of it makes a coroutine object, `Coroutine[Any, Any, R]`, and runs
nothing.  The body is checked like a generator's (the builder compiles
it on the same frames, ir/build/coroutines.py), with `await` where a
generator has `yield from`.

**The types.**  Pythos has no `Any` values, so a coroutine's first two
type arguments cannot mean what they say to mypy.  They are fixed: a
coroutine suspends with None and is resumed with None, because every
future it ends up awaiting is a class whose `__await__` is a
`Generator[None, None, T]` (it registers a waker, then yields None).  So
`CoroutineType` keeps only R; `Coroutine[Any, Any, R]`, `Coroutine[None,
None, R]` and `Awaitable[R]` all name it (mypy accepts the same
programs, since Any is compatible with None).  `coro.send(v)` therefore
returns None, takes any value v (which the innermost future ignores, as
CPython's would if it did not read it), and raises StopIteration at the
end, whose `.value` is R (below).

**`await e`** is allowed only inside `async def` (CPython's "'await'
outside async function"), and, like a `yield`, only where nothing else
is half-evaluated when the coroutine suspends: as a statement, or as the
whole value of an assignment or a `return`.  `e` is a coroutine, or an
instance of a class whose `__await__` returns a Generator[None, None, T].

**`e.value` of a StopIteration** is typeshed's Any.  Pythos types it by a
narrow rule that covers the driver loop of an executor:

    try:
        fut = task.coro.send(None)
    except StopIteration as e:
        result = e.value

the `try` body makes one call `x.send(...)`, `x.throw(...)` or `next(x)`
of a coroutine or a generator (x a name, an attribute or an item), so
the StopIteration is its end, and `e.value` is its R (None for an R of
None), read straight out of the finished frame: no
exception object is made when `e` is used only as `e.value`
(`h.value_only`).  Elsewhere `e.value` is refused with a diagnostic.
(Should another statement of that `try` body raise a StopIteration of
its own before the coroutine ends, `e.value` is a RuntimeError, not a
value read from a frame that has none: pythos/rt/obj/coroutine.py.)

**"never awaited"**: a call of a coroutine function as a statement
(`f()` without await) makes a coroutine and drops it at once; the checker
says so with a warning, which does not stop the compilation.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from .. import types as T
from ..diagnostics import CompileError
from ..types import NONE, NONE_VALUE, AsyncGeneratorType, ClassType, CoroutineType, GeneratorType

if TYPE_CHECKING:
    from ..symbols import FuncSym, Module

AWAIT_NOT_YET = "is not compiled yet (issue 12)"


def coroutine_of(result: T.Type) -> CoroutineType:
    """The type of a call of `async def f() -> result`."""
    return CoroutineType(NONE, "Coroutine", NONE, result)


def is_async(node: ast.AST | None) -> bool:
    return bool(getattr(node, "is_async", False))


def own_awaits(fn_node: ast.AST) -> list[ast.Await]:
    """The `await` expressions of one function's own scope."""
    out: list[ast.Await] = []
    stack: list[ast.AST] = list(ast.iter_child_nodes(fn_node))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, ast.Await):
            out.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return out


def stop_source(call: ast.Call) -> ast.expr | None:
    """The generator or coroutine a call resumes, whose end is a
    StopIteration: `x` of `x.send(v)`, `x.throw(e)` or `next(x)`."""
    if isinstance(call.func, ast.Attribute) and call.func.attr in ("send", "throw"):
        return call.func.value
    if isinstance(call.func, ast.Name) and call.func.id == "next" and len(call.args) == 1 \
            and not call.keywords:
        return call.args[0]
    return None


def own_nodes(body: list[ast.stmt]) -> list[ast.AST]:
    """Every node of `body`, not looking into nested functions and classes."""
    out: list[ast.AST] = []
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        out.append(node)
        if not isinstance(node, (ast.FunctionDef, ast.Lambda, ast.ClassDef)):
            stack.extend(ast.iter_child_nodes(node))
    return out


class Coroutines:
    """Mixed into `check.Checker`."""

    fn: FuncSym | None
    module: Module

    if TYPE_CHECKING:
        def error(self, node: ast.AST, message: str) -> CompileError: ...
        def expr(self, node: ast.expr, want: T.Type | None, discard: bool = False) -> T.Type: ...
        def expect(self, node: ast.expr, want: T.Type) -> Any: ...
        def no_plain_literal(self, node: ast.expr, t: T.Type, what: str) -> None: ...
        def resolve_type(self, node: ast.expr) -> T.Type: ...
        def call_method_of(self, node: ast.AST, ct: ClassType, name: str) -> FuncSym | None: ...
        def always_returns(self, body: list[ast.stmt]) -> bool: ...
        def start_async_generator(self, fn: FuncSym, yields: list[ast.expr]) -> None: ...
        scopes: dict[str, dict[str, Any]]

    @property
    def warnings(self) -> list[CompileError]:
        """What the checker found that is legal but likely wrong."""
        found: list[CompileError] | None = self.__dict__.get("_warnings")
        if found is None:
            found = self.__dict__["_warnings"] = []
        return found

    # ----- types --------------------------------------------------------------------
    def coroutine_annotation(self, node: ast.Subscript, name: str) -> T.Type:
        """`Coroutine[Y, S, R]` or `Awaitable[R]` as an annotation."""
        args = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
        want = 3 if name == "Coroutine" else 1
        if len(args) != want:
            raise self.error(node, f"{name}[...] takes {want} type argument(s), got "
                                   f"{len(args)}")
        for a in args[:-1]:
            if not (isinstance(a, ast.Name) and a.id == "Any") and \
                    not (isinstance(a, ast.Constant) and a.value is None):
                raise self.error(a, f"a coroutine yields and is sent None in Pythos: write "
                                    f"Coroutine[Any, Any, R] (or None), not "
                                    f"'{ast.unparse(a)}'")
        result = self.resolve_type(args[-1])
        return CoroutineType(NONE, name, NONE, result)

    def coroutine_function_type(self, fn: FuncSym) -> None:
        """At declaration: a coroutine function returns a coroutine."""
        assert fn.node is not None
        if is_async(fn.node):
            from .generators import own_yields
            if not own_yields(fn.node):  # (with yield: an asynchronous generator, asyncs.py)
                fn.result = coroutine_of(fn.result)

    # ----- the body -----------------------------------------------------------------
    def start_coroutine(self, fn: FuncSym) -> bool:
        """Before the body of a coroutine function is checked: make it a
        generator whose GeneratorType is its CoroutineType, and mark the
        `await`s that stand where they can be compiled.  False for a
        function that is not `async def`."""
        node = fn.node
        if not is_async(node):
            return False
        assert isinstance(node, ast.FunctionDef)
        from .generators import own_yields
        yields = own_yields(node)
        for p in fn.params:
            if p.type.is_aggregate:
                arg: ast.AST = next((a for a in node.args.args if a.arg == p.name), node)
                raise self.error(arg, f"a coroutine's frame cannot hold the struct or array "
                                      f"parameter '{p.name}' (it is the caller's storage); "
                                      f"pass an object")
        if yields:
            self.start_async_generator(fn, yields)  # asyncs.py
            self.mark_awaits(node.body)
            return True
        assert isinstance(fn.result, CoroutineType)
        fn.generator = fn.result
        if fn.result.result is not NONE and not self.always_returns(node.body):
            raise self.error(node, f"coroutine function '{fn.name}' can reach its end "
                                   f"without a return, but it must return "
                                   f"{fn.result.result}")
        self.mark_awaits(node.body)
        return True

    def mark_awaits(self, body: list[ast.stmt]) -> None:
        """Allow every `await` of the body: an `await` is a `yield from`
        (ir/build/coroutines.py), which stands wherever a `yield` may, in
        `try`, `except`, `finally` and `with` blocks and inside larger
        expressions, since a suspended frame can be thrown into and
        closed (the generators' throw and close)."""
        for node in own_awaits(ast.Module(body=body, type_ignores=[])):
            node.await_ok = True  # type: ignore[attr-defined]

    def no_await_in(self, body: list[ast.stmt], where: str) -> None:
        for node in own_awaits(ast.Module(body=body, type_ignores=[])):
            raise self.error(node, f"'await' {where} {AWAIT_NOT_YET}")

    def expr_Await(self, node: ast.Await, want: T.Type | None) -> T.Type:
        fn = self.fn
        if fn is None or fn.name == "<module>":
            raise self.error(node, "'await' outside function")  # CPython's SyntaxError
        if not isinstance(fn.generator, (CoroutineType, AsyncGeneratorType)):
            raise self.error(node, "'await' outside async function")
        if not getattr(node, "await_ok", False):
            raise self.error(node, f"'await' inside an expression {AWAIT_NOT_YET}: write it "
                                   f"as a statement or as the whole value of an assignment "
                                   f"or a return (x = await ...)")
        step = node.value
        if isinstance(step, ast.Call) and isinstance(step.func, ast.Attribute):
            step.awaited_step = True  # type: ignore[attr-defined]  # agen.asend(v): asyncs.py
        t = self.expr(node.value, None)
        if isinstance(t, CoroutineType):
            return t.result
        if isinstance(t, ClassType):
            method = self.call_method_of(node.value, t, "__await__")
            if method is not None:
                gen = method.result
                if not isinstance(gen, GeneratorType) or isinstance(gen, CoroutineType) \
                        or len(method.params) != 1:
                    raise self.error(node.value, f"'{t.name}.__await__' must take only self "
                                                 f"and return a generator (Generator[None, "
                                                 f"None, T]), not {gen}")
                if gen.element is not NONE or gen.send is not NONE:
                    raise self.error(node.value, f"'{t.name}.__await__' is {gen}, but a "
                                                 f"coroutine yields and is sent None in "
                                                 f"Pythos: declare it Generator[None, None, "
                                                 f"{gen.result}]")
                node.await_method = method  # type: ignore[attr-defined]
                return gen.result
        kind = "generator" if isinstance(t, GeneratorType) else str(t)
        raise self.error(node.value, f"object {kind} can't be used in 'await' expression")

    def coroutine_return(self, s: ast.Return) -> None:
        """`return` in a coroutine: the value is the result of `await`."""
        assert self.fn is not None and isinstance(self.fn.generator, CoroutineType)
        result = self.fn.generator.result
        if s.value is None:
            if result is not NONE:
                raise self.error(s, f"return needs a {result} value")
            return
        if result is NONE:
            raise self.error(s.value, f"coroutine function '{self.fn.name}' is declared to "
                                      f"return None, so it cannot return a value")
        self.no_plain_literal(s.value, result, "the return value")
        self.expect(s.value, result)
        self.no_plain_literal(s.value, result, "the return value")

    # ----- never awaited ----------------------------------------------------------------
    def discarded_call(self, s: ast.Expr, t: T.Type) -> None:
        """A call as a statement whose value is a coroutine: it is made and
        dropped without running.  CPython warns when it is collected; the
        compiler can see it here."""
        if not isinstance(t, CoroutineType) or getattr(s, "warned", False):
            return  # (a statement the checker meets twice is warned about once)
        s.warned = True  # type: ignore[attr-defined]
        call = s.value
        name = ast.unparse(call.func) if isinstance(call, ast.Call) else "coroutine"
        warning = CompileError(f"coroutine '{name}' is never awaited (the call makes a "
                               f"coroutine and drops it without running it); write "
                               f"'await {ast.unparse(call)}'",
                               self.module.loc(call), kind="warning")
        # The driver prints the warnings of the check whose program it
        # compiles (it may check twice, the second time with the runtime).
        self.warnings.append(warning)

    # ----- StopIteration.value ------------------------------------------------------------
    def mark_stop_sources(self, s: ast.Try) -> None:
        """Before a `try` is checked: note each `except StopIteration as e`
        whose `e.value` may be typed (the `try` body makes one call
        `x.send(...)`), and whether `e` is used only as `e.value` (then no
        exception object is made for it)."""
        sends = [n for n in own_nodes(s.body) if isinstance(n, ast.Call)
                 and stop_source(n) is not None]
        if len(sends) != 1:
            return
        value = sends[0]
        if not isinstance(stop_source(value), (ast.Name, ast.Attribute, ast.Subscript)):
            return
        for h in s.handlers:
            if h.name is None or not (isinstance(h.type, ast.Name)
                                      and h.type.id == "StopIteration"):
                continue
            h.stop_send = value  # type: ignore[attr-defined]
            value.stop_handler = h  # type: ignore[attr-defined]
            uses = [n for st2 in h.body for n in ast.walk(st2)
                    if isinstance(n, ast.Name) and n.id == h.name]
            parents = {id(c): p for st2 in h.body for p in ast.walk(st2)
                       for c in ast.iter_child_nodes(p)}
            h.value_only = all(  # type: ignore[attr-defined]
                isinstance(n.ctx, ast.Load) and isinstance(parents.get(id(n)), ast.Attribute)
                and parents[id(n)].attr == "value"  # type: ignore[attr-defined]
                for n in uses)
            stops = getattr(self, "stop_handlers", [])
            stops.append(h)
            self.stop_handlers = stops

    def stop_value_type(self, node: ast.Attribute) -> T.Type | None:
        """`e.value` of an `e` bound by `except StopIteration as e`: the
        result type of the coroutine the `try` sent to (see the module's
        docstring), or a diagnostic; None if `e` is not such a name."""
        sym = getattr(node.value, "sym", None)
        if sym is None:
            return None
        for h in getattr(self, "stop_handlers", []):
            if getattr(h, "var", None) is not sym:
                continue
            send: ast.Call = h.stop_send
            coro = getattr(stop_source(send), "ty", None)
            if not isinstance(coro, (CoroutineType, GeneratorType)):
                raise self.error(node, f"the value of a StopIteration is known only where the "
                                       f"'try' resumes a coroutine or a generator; here it "
                                       f"resumes {coro}")
            node.stop_handler = h  # type: ignore[attr-defined]
            return NONE_VALUE if coro.result is NONE else coro.result
        t = getattr(node.value, "ty", None)
        if isinstance(t, ClassType) and t.name == "StopIteration":
            raise self.error(node, "StopIteration.value is typed (as the coroutine's or "
                                   "generator's result) only in 'except StopIteration as e' "
                                   "after a 'try' whose body makes one call 'g.send(...)', "
                                   "'g.throw(...)' or 'next(g)'")
        return None

    def coroutine_send(self, node: ast.Call, t: CoroutineType) -> None:
        """After `c.send(...)` is typed: prepare the StopIteration its end
        raises.  The end of a coroutine returning None is a lazy
        StopIteration (no text, as CPython's has none); so is the end
        seen only by a handler that reads nothing but `e.value`.  Any other
        end is raised as `StopIteration(result)`, which the builder makes
        with the result read out of the frame into a variable of its own
        (`node.stop_raise`), so that `str(e)`, `repr(e)` and an uncaught
        report show the value as CPython's do."""
        from ..parse import EXCEPTIONS_MODULE
        handler = getattr(node, "stop_handler", None)
        if t.result is NONE or getattr(handler, "value_only", False) or self.fn is None \
                or "StopIteration" not in self.scopes.get(EXCEPTIONS_MODULE, {}):
            return
        from ..symbols import Local
        name = f".stop.result{len(self.fn.locals)}"
        var = Local(name, t.result, "value")
        arg = ast.Name(id=name, ctx=ast.Load())
        exc = ast.Call(func=ast.Name(id="StopIteration", ctx=ast.Load()), args=[arg],
                       keywords=[])
        for n in (arg, exc, exc.func):
            ast.copy_location(n, node)
        self.fn.locals[name] = var
        try:
            self.expr(exc, None)
        except CompileError:
            del self.fn.locals[name]  # no text for such a value: the end stays lazy
            return
        node.stop_raise = exc  # type: ignore[attr-defined]
