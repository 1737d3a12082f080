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
from ...types import BOOL, NONE, U32, U64, AsyncGeneratorType, CoroutineType
from ..ops import Call, Compare, Integer, TypeInfoAddr
from .errors import checked_call

if TYPE_CHECKING:
    from ..ops import BasicBlock, Value
    from . import FunctionBuilder

COROUTINE_RT = "pythos.rt.obj.coroutine"
ERR_RUNTIME = 9  # pythos/rt/obj/object.py
AGEN_AWAITING, AGEN_YIELDED = 1, 2  # pythos/rt/obj/coroutine.py


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
        if isinstance(s.iter.ty, AsyncGeneratorType):  # type: ignore[attr-defined]
            self.async_for_generator(s)
            return
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
        b.loop_body(s, head, end)
        b.loop_else(s, other, end)

    # ----- asynchronous generators ------------------------------------------------------
    def rt_async(self, name: str) -> FuncSym:
        sym = self._a().checker.scopes[COROUTINE_RT][name]
        assert isinstance(sym, FuncSym), name
        return sym

    def class_named(self, name: str) -> T.ClassType:
        t = self._a().checker.scopes[EXCEPTIONS_MODULE][name].type
        assert isinstance(t, T.ClassType)
        return t

    def stop_escapes(self) -> None:
        """At the error exit of a generator's resume function: PEP 479 (and
        PEP 525 for an asynchronous generator, where StopAsyncIteration
        becomes RuntimeError too)."""
        b = self._a()
        assert b.gen is not None
        if isinstance(b.gen.type, AsyncGeneratorType):
            ti = b.add(TypeInfoAddr(self.class_named("StopAsyncIteration")))
            b.add(Call(self.rt_async("agen_stop_escapes"), [ti]))
        else:
            b.add(Call(b.generator_fn("gen_stop_escapes"), []))

    def drive_generator(self, node: ast.expr, g: Value, t: AsyncGeneratorType, first: Value,
                        closing: bool = False) -> tuple[Value, BasicBlock]:
        """The loop of one awaited step of the asynchronous generator `g`,
        resumed first with the slot `first` (an item for asend, else 0;
        an error pending is thrown in):

            head:      status = agen_step(g, sent, out)
                       2: the item is the value (the block this returns in)
                       1: an await inside suspended: suspend this frame
                          too, then resume g with what this one is sent
                          (a throw goes on into g; the GeneratorExit of
                          this frame's close does not: CPython's
                          asend.close()), goto head
                       0: an error pending propagates (when `closing`, a
                          GeneratorExit is forgotten), else `ended`

        Returns the item and the block `ended`, unterminated, where g
        finished with nothing pending: the caller says what that means."""
        b = self._a()
        assert b.gen is not None
        outs = b.hidden("agen.out", T.ArrayType(U64, 1), "owner")
        passed = b.hidden("agen.sent", U64)
        b.assign(passed, first)
        head, yielded = b.new_block("agen.head"), b.new_block("agen.yielded")
        other, awaiting = b.new_block("agen.other"), b.new_block("agen.awaiting")
        finished, failed = b.new_block("agen.finished"), b.new_block("agen.failed")
        ended = b.new_block("agen.ended")
        b.goto(head)
        b.activate(head)
        status = b.add(Call(self.rt_async("agen_step"), [g, passed, b.out_slot(outs, 0)]))
        b.branch(b.add(Compare("eq", status, Integer(AGEN_YIELDED, U64))), yielded, other,
                 likely=True)
        b.activate(other)
        b.branch(b.add(Compare("eq", status, Integer(AGEN_AWAITING, U64))), awaiting,
                 finished)
        b.activate(awaiting)

        def thrown() -> None:
            throw, resumed = b.new_block("agen.thrown"), b.new_block("agen.resumed")
            b.branch(b.add(Call(b.exc_rt("obj_failed"), [])), throw, resumed, likely=False)
            b.activate(throw)
            exit_ti = b.add(TypeInfoAddr(b.generator_exit_type()))
            closing, into = b.new_block("agen.closing"), b.new_block("agen.throw_in")
            b.branch(b.add(Call(self.rt_async("agen_error_is"), [exit_ti])), closing, into)
            b.activate(closing)
            b.propagate(node)
            b.activate(into)
            b.assign(passed, Integer(0, U64))
            b.goto(head)
            b.activate(resumed)
        b.suspend(Integer(0, U64), "agen_await", node, thrown)
        b.assign(passed, b.gen.sent)
        b.goto(head)
        b.activate(finished)
        if closing:
            exit_ti = b.add(TypeInfoAddr(b.generator_exit_type()))
            quiet = b.add(Call(self.rt_async("agen_quiet_close"), [exit_ti]))
            b.branch(quiet, ended, failed)
        else:
            b.branch(b.add(Call(b.exc_rt("obj_failed"), [])), failed, ended, likely=False)
        b.activate(failed)
        b.propagate(node)
        b.activate(yielded)
        return b.read_out(outs, 0, t.element), ended

    def async_for_generator(self, s: ast.AsyncFor) -> None:
        """`async for x in agen`: its `__aiter__` is itself, and each turn
        is one step of its frame (`drive_generator`); its end is the loop's
        (to the `else`), with no StopAsyncIteration made."""
        b = self._a()
        g = b.kept(b.expr(s.iter), "async_for.generator")
        head, body = b.new_block("async_for.head"), b.new_block("async_for.body")
        other, end = b.new_block("async_for.else"), b.new_block("async_for.end")
        b.goto(head)
        b.activate(head)
        t = s.iter.ty  # type: ignore[attr-defined]
        item, ended = self.drive_generator(s.iter, g, t, Integer(0, U64))
        b.store_value(s.target, item)
        b.goto(body)
        b.activate(ended)
        b.goto(other)
        b.activate(body)
        b.loop_body(s, head, end)
        b.loop_else(s, other, end)

    def await_step(self, node: ast.Await) -> Value:
        """`await agen.__anext__()`, `asend(v)`, `athrow(e)`, `aclose()`
        (check/asyncs.py): no awaitable object is made; the await drives
        the generator's frame itself."""
        b = self._a()
        call = node.value
        assert isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
        name: str = call.async_step  # type: ignore[attr-defined]
        agen_node = call.func.value
        t = agen_node.ty  # type: ignore[attr-defined]
        assert isinstance(t, AsyncGeneratorType)
        g = b.kept(b.expr(agen_node), "agen")
        first: Value = Integer(0, U64)
        if name == "asend":
            first = b.to_slot(b.expr(call.args[0]), t.send) if t.send is not NONE \
                else Integer(0, U64)
            maybe_none = T.is_object(t.send) or t.send is NONE
            checked_call(b, call, self.rt_async("agen_send_check"), [
                g, first, Integer(int(maybe_none), BOOL)])
        elif name == "athrow":
            exc = b.expr(call.args[0])
            b.add(Call(b.exc_rt("exc_raise"), [b.as_u64(exc), Integer(0, U64),
                                               Integer(0, BOOL)]))
        elif name == "aclose":
            return self.aclose(call, g, t)
        item, ended = self.drive_generator(call, g, t, first)
        after = b.block
        b.activate(ended)
        # Its end, as the awaitable reports it: StopAsyncIteration.
        stop = call.stop_async  # type: ignore[attr-defined]
        obj = b.expr(stop)
        b.add(Call(b.exc_rt("exc_raise"), [b.as_u64(obj), Integer(0, U64), Integer(0, BOOL)]))
        b.propagate(call)
        b.activate(after)
        return item

    def aclose(self, call: ast.Call, g: Value, t: AsyncGeneratorType) -> Value:
        """`await agen.aclose()`: GeneratorExit thrown in where it is
        suspended; its `finally` blocks run (and may await); its end, or
        the GeneratorExit leaving it, is the quiet result; an item yielded
        instead is CPython's RuntimeError."""
        b = self._a()
        # (Not a checked call: on 1 the GeneratorExit to throw in is pending.)
        start = b.add(Call(self.rt_async("agen_close_start"), [g, b.maker()]))
        run, done = b.new_block("aclose.run"), b.new_block("aclose.done")
        running, failed = b.new_block("aclose.running"), b.new_block("aclose.failed")
        b.branch(b.add(Compare("eq", start, Integer(0, U64))), done, running)
        b.activate(running)
        b.branch(b.add(Compare("eq", start, Integer(1, U64))), run, failed, likely=True)
        b.activate(failed)
        b.propagate(call)
        b.activate(run)
        item, ended = self.drive_generator(call, g, t, Integer(0, U64), closing=True)
        del item  # released by the count pass: an item is not what aclose wants
        text = b.string(b"async generator ignored GeneratorExit", T.STR)
        b.add(Call(b.object_runtime["obj_raise"], [Integer(ERR_RUNTIME, U32), text]))
        b.propagate(call)
        b.activate(ended)
        b.goto(done)
        b.activate(done)
        return Integer(0, NONE)
