"""Coroutines on generator frames (a mixin of `build.FunctionBuilder`), issue 12.

A coroutine function is built exactly as a generator function
(generators.py): a creation function that makes the frame and a resume
function with a `ResumeSwitch` at its entry.  Its frame's type is a
`CoroutineType`, which the lowering flags COROUTINE
(pythos/rt/obj/coroutine.py).  What is new is `await` and the way a
coroutine is driven.

**`await x`** is CPython's `yield from x.__await__()`: the iterator is the
coroutine `x` itself, or the generator its class's `__await__` returns;
the loop resumes it with what this coroutine was sent, and suspends this
one (a `Suspend`, yielding None) each time the inner one suspends.  The
inner resume function writes its item (always None: every `__await__`
yields None) straight into this resume's own out slot, so the loop needs
no slot of its own.  When the inner one ends, its return value, read out
of its frame, is the value of `await`.

**`coro.send(v)`** calls `coro_send`, which answers 1 (suspended) or 0
(finished), with an error pending after a misuse or an exception in the
body.  The end is *not* an exception at run time: the compiled caller
branches on 0 and raises StopIteration itself, lazily (a kind, no
object), and when the `try` around the send has `except StopIteration as
e` with `e.value` (check/coroutines.py), `e.value` is read out of the
finished frame, which a hidden register of the `try` keeps.  So a driver
loop costs a call and two tests per step, and allocates nothing.  A
coroutine suspended in an `await` has recorded the frame it awaits, and
`coro_send` resumes that frame directly; the coroutine runs again only
from the await's second entry, when that frame has ended
(generators.py, `delegate_to`).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from ... import types as T
from ...check.coroutines import stop_source
from ...symbols import FuncSym
from ...types import BOOL, NONE, U32, U64, CoroutineType, GeneratorType
from ..ops import Call, Compare, Goto, Integer, KeepAlive, Register, Value
from .errors import checked_call

if TYPE_CHECKING:
    from . import FunctionBuilder
    from .generators import GeneratorIR

COROUTINE_RT = "pythos.rt.obj.coroutine"
GENERATOR_RT = "pythos.rt.obj.generator"
ERR_STOP_ITERATION = 10  # pythos/rt/obj/object.py


class CoroutineBuilder:
    """Mixed into `build.FunctionBuilder`."""

    gen: GeneratorIR | None
    checker: Any

    def _co(self) -> FunctionBuilder:
        return self  # type: ignore[return-value]

    def coroutine_fn(self, name: str) -> FuncSym:
        sym = self.checker.scopes[COROUTINE_RT][name]
        assert isinstance(sym, FuncSym), name
        return sym

    @property
    def stop_registers(self) -> dict[int, Register]:
        """The register of each `except StopIteration as e` handler whose
        `e.value` is read: the coroutine its `try` sends to."""
        found: dict[int, Register] | None = self.__dict__.get("_stop_registers")
        if found is None:
            found = self.__dict__["_stop_registers"] = {}
        return found

    # ----- await ----------------------------------------------------------------------
    def expr_Await(self, node: ast.Await) -> Value:
        b = self._co()
        assert self.gen is not None
        if getattr(node.value, "async_step", None) is not None:
            return b.await_step(node)  # asyncs.py: agen.__anext__() and the like
        method: FuncSym | None = getattr(node, "await_method", None)
        value = b.expr(node.value)
        if method is not None:
            inner_v = b.call_method(node, method, [value])  # the generator __await__ makes
            gen_t = method.result
        else:
            checked_call(b, node, self.coroutine_fn("coro_await"), [value])
            inner_v = value
            gen_t = node.value.ty  # type: ignore[attr-defined]
        assert isinstance(gen_t, GeneratorType)
        # Exactly `yield from` (generators.py): send, throw and close go
        # on to the innermost awaitable, and its return is the value.
        return b.delegate_to(node, b.kept(inner_v, "await.iterator"), gen_t)

    # ----- driving a coroutine ------------------------------------------------------------
    def coroutine_send(self, node: ast.Call) -> Value:
        """`coro.send(v)`: resume; None if it suspended; at its end, a lazy
        StopIteration (the result stays in the frame)."""
        b = self._co()
        assert isinstance(node.func, ast.Attribute)
        t = node.func.value.ty  # type: ignore[attr-defined]
        assert isinstance(t, CoroutineType)
        g = b.expr(node.func.value)
        arg = node.args[0] if node.args else node.keywords[0].value
        b.expr(arg)  # None (check/coroutines.py): a coroutine is sent None
        self.keep_stop_source(node, g)
        outs = b.hidden("send.out", T.ArrayType(U64, 1), "owner")
        status = checked_call(b, node, self.coroutine_fn("coro_send"), [
            g, Integer(0, U64), Integer(1, BOOL), b.out_slot(outs, 0)])
        suspended_now = b.add(Compare("ne", status, Integer(0, U64)))
        finished = b.new_block("send.finished")
        suspended = b.new_block("send.suspended")
        b.branch(suspended_now, suspended, finished, likely=True)
        b.activate(finished)
        exc: ast.Call | None = getattr(node, "stop_raise", None)
        if exc is None:
            b.add(Call(b.object_runtime["obj_raise"], [Integer(ERR_STOP_ITERATION, U32),
                                                       Integer(0, U64)]))
        else:
            # StopIteration(result), with the result read out of the frame.
            var = exc.args[0].sym  # type: ignore[attr-defined]
            raw = b.add(Call(b.generator_fn("gen_return_value"), [g]))
            b.assign(b.local_register(var), b.from_slot(raw, t.result, True))
            b.add(KeepAlive(g))  # the frame outlives the result's reference
            obj = b.expr(exc)
            b.add(Call(b.exc_rt("exc_raise"), [b.as_u64(obj), Integer(0, U64),
                                               Integer(0, BOOL)]))
        b.propagate(node)
        b.activate(suspended)
        return Integer(0, U64)

    def start_stop_values(self, s: ast.Try) -> None:
        """At the start of a `try` (which dominates its handlers): a register
        for the coroutine that each `except StopIteration as e` reads
        `e.value` from, None until the send."""
        b = self._co()
        for h in s.handlers:
            send = getattr(h, "stop_send", None)
            t = getattr(stop_source(send), "ty", None) if send is not None else None
            if not isinstance(t, (CoroutineType, GeneratorType)):
                continue
            reg = b.hidden("stop.coroutine", T.optional(t))
            b.assign(reg, Integer(0, reg.type))
            self.stop_registers[id(h)] = reg

    def keep_stop_source(self, node: ast.Call, g: Value) -> None:
        """At `g.send(v)`, `g.throw(e)` or `next(g)` whose StopIteration a
        handler reads `e.value` of: remember g for it."""
        handler = getattr(node, "stop_handler", None)
        keep = self.stop_registers.get(id(handler)) if handler is not None else None
        if keep is None:
            return
        b = self._co()
        if isinstance(stop_source(node).ty, CoroutineType):  # type: ignore[union-attr]
            b.assign(keep, g)  # a finished coroutine cannot be sent to again
            return
        # A generator that has finished already ends again with a StopIteration
        # of its own, whose value is None: then g is not kept.
        finished = b.add(Call(self.coroutine_fn("gen_finished"), [g]))
        kept = b.new_block("stop.keep")
        after = b.new_block("stop.kept")
        b.branch(finished, after, kept, likely=False)
        b.activate(kept)
        b.assign(keep, g)
        b.add(Goto(after))
        b.activate(after)

    def stop_value(self, node: ast.Attribute) -> Value | None:
        """`e.value` in such a handler: the result in the frame."""
        h = getattr(node, "stop_handler", None)
        if h is None:
            return None
        b = self._co()
        reg = self.stop_registers[id(h)]
        t: T.Type = node.ty  # type: ignore[attr-defined]
        if not isinstance(getattr(stop_source(h.stop_send), "ty", None), CoroutineType):
            none_ok = isinstance(t, T.OptionalType) or t is T.NONE_VALUE
            raw = checked_call(b, node, self.coroutine_fn("gen_result"),
                               [reg, Integer(int(none_ok), BOOL)])
        else:
            raw = checked_call(b, node, self.coroutine_fn("coro_result"), [reg])
        if t is NONE or t is T.NONE_VALUE:
            return Integer(0, T.NONE_VALUE)
        value = b.from_slot(raw, t, True)
        b.add(KeepAlive(reg))  # the frame lives until the value has its reference
        return value
