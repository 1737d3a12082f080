"""Generators as state machines (a mixin of `build.FunctionBuilder`), issue 12.

A generator function `def f(params) -> Iterator[Y]` becomes two
functions, as in mypyc:

- the *creation function*, `f` itself, which runs none of the body: it
  allocates a frame (`GenNew`), stores the arguments into it, and
  returns the frame, which is the generator object;
- the *resume function*, `f__resume(frame, sent, out) -> u64`, which
  runs the body from where it stopped to the next `yield`: it writes the
  yielded value to `*out` and returns 1, or returns 0 at the end.  (A
  full word, not a bool: the runtime calls it through `call_addr`, which
  reads all of the result register.)

Every register of the resume function (each local, the parameters, and
the builder's own hidden variables such as a loop's counter or a dict
loop's iteration state) lives in the frame object, not on the stack
(lower/generators.py lays the frame out).  A variable therefore keeps its
value across a `yield` with no saving and restoring, and an address taken
into a register's storage (a loop's out slot) stays valid.

The resume function's entry is a `ResumeSwitch` on the frame's state:
state 0 goes to the start of the body, state k to the block after the
k-th `yield`.  A `yield` is a `Suspend` terminator, whose successor, for
every analysis, is the block the next resume starts at; so the count
pass sees what is live across the `yield` as live, and leaves its
reference in the frame.  A temporary (an op result) cannot live in the
frame, so the pass `passes/generators.py` first moves any that is live
across a yield into a register of its own.

The end of the body, or `return v`, is `GenFinish`: the frame is
finished, keeps `v` for `yield from` and StopIteration, and the resume
function returns False: exactly how an iterator object reports its end
to `iter_next`, so `for`, `list()`, `sum()` and the other consumers work
unchanged (pythos/rt/obj/generator.py dispatches to the resume function).
`send(v)` passes v in `sent`, which is the value of the `yield`
expression after the resume.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ... import types as T
from ...diagnostics import CompileError
from ...parse import EXCEPTIONS_MODULE
from ...symbols import ClassSym, FuncSym, Local, Param
from ...types import BOOL, NONE, U64, GeneratorType
from ..ops import (
    BasicBlock,
    Call,
    Cast,
    Compare,
    ElementAddr,
    FuncIR,
    GenFinish,
    GenNew,
    Integer,
    IntOp,
    KeepAlive,
    Load,
    Position,
    Register,
    ResumeSwitch,
    Return,
    Suspend,
    TypeInfoAddr,
    Value,
    holds_reference,
    may_be_none,
)
from .comprehensions import target_names
from .cursors import ObjectCursor
from .errors import checked_call
from .funcs import python_qualname

if TYPE_CHECKING:
    from . import FunctionBuilder

GENERATOR_RT = "pythos.rt.obj.generator"
ERR_TYPE = 4  # TypeError (pythos/rt/obj/object.py)


@dataclass(eq=False)
class GeneratorIR:
    """What the lowering needs to know about a resume function: the
    generator's type, the registers of its parameters (where the creation
    function stores the arguments), and, once the count pass has run, the
    registers that hold a reference while the generator is suspended at
    each state (the frame's `clear` and `traverse` release and visit
    them).  `offsets` and `size` are the frame's layout (lowering)."""

    type: GeneratorType
    params: list[Register]
    frame: Register
    sent: Register
    out: Register
    resumes: list[BasicBlock] = field(default_factory=list)
    live: list[list[Register]] = field(default_factory=list)
    # Per state: whether a `finally`, an `except` or a `with` encloses
    # the `yield`, so that a close must run when the frame is dropped
    # there (state 0, not started, never is).
    guarded: list[bool] = field(default_factory=lambda: [False])
    # CPython's name of the generator (`f`, `C.method`, `main.<locals>.g`),
    # for the report of an exception escaping its close on drop.
    qualname: str = ""
    # The program's `_make` (it makes GeneratorExit) and the runtime's
    # `gen_finalize`, if the frame needs a close on drop.
    make: FuncSym | None = None
    finalize: FuncSym | None = None


class GeneratorBuilder:
    """Mixed into `build.FunctionBuilder`."""

    gen: GeneratorIR | None = None
    checker: Any

    def _g(self) -> FunctionBuilder:
        return self  # type: ignore[return-value]

    def generator_fn(self, name: str) -> FuncSym:
        sym = self.checker.scopes[GENERATOR_RT][name]
        assert isinstance(sym, FuncSym), name
        return sym

    # ----- the two functions ---------------------------------------------------------
    def build_resume(self) -> FuncIR:
        """Turn this builder (made for the generator function) into the
        builder of its resume function, and build it."""
        b = self._g()
        fn = b.fn
        assert fn.node is not None and isinstance(fn.generator, GeneratorType)
        node = fn.node
        return self.resume_function(fn.generator, f"{fn.name}.resume", node,
                                    lambda: b.body(node.body), closures=True)

    def resume_function(self, gen_type: GeneratorType, name: str, node: ast.AST,
                        body: Callable[[], None], closures: bool,
                        qualname: str | None = None) -> FuncIR:
        """Build this builder's function as a resume function: its
        parameters become registers in the frame, `body()` builds the
        code, and the entry switches on the frame's state."""
        b = self._g()
        fn = b.fn
        resume_sym = FuncSym(name, fn.module, fn.node,
                             [Param("frame", U64, None), Param("sent", U64, None),
                              Param("out", U64, None)], U64, f"{fn.link_name}__resume")
        frame = Register("frame", U64, is_param=True)
        sent = Register("sent", U64, is_param=True)
        out = Register("out", U64, is_param=True)
        params = [b.registers[fn.locals[p.name]] for p in fn.params]
        for reg in b.ir.registers:
            reg.is_param = False  # they live in the frame, stored by the creation function
        b.ir.sym = resume_sym
        b.ir.params = [frame, sent, out]
        b.ir.registers[:0] = [frame, sent, out]
        self.gen = GeneratorIR(gen_type, params, frame, sent, out,
                               qualname=qualname or python_qualname(fn))
        b.ir.generator = self.gen
        entry = b.block
        start = b.new_block("start")
        b.activate(start)
        where = Position(b.module, getattr(node, "lineno", 1),
                         getattr(node, "col_offset", 0) + 1)
        try:
            b.pos = where
            self.pending_throw(node)
            for p in params:
                if holds_reference(p.type, b.ir.count_str):
                    # A use at the start: a parameter the body never reads
                    # dies (and is released) here, not never.
                    b.add(KeepAlive(p))
            if closures:
                b.check_locals_representable()
                b.enter_function()
                self.keep_generators_to_scope_end()
            body()
            if not b.terminated:
                b.run_cleanups(0)
                b.add(GenFinish(None))
        except CompileError:
            raise
        except Exception as e:  # a compiler bug: report where it happened
            raise CompileError(f"internal compiler error: {type(e).__name__}: {e}",
                               fn.module.loc(b.current or node), kind="error") from e
        b.activate(entry)
        b.pos = where
        b.add(ResumeSwitch([start, *self.gen.resumes]))
        return b.ir

    def build_creation(self, resume: FuncIR) -> FuncIR:
        """The generator function itself: a new frame holding the
        arguments, returned as the generator."""
        b = self._g()
        fn = b.fn
        assert fn.node is not None and resume.generator is not None
        b.pos = Position(b.module, fn.node.lineno, fn.node.col_offset + 1)
        args: list[Value] = [b.registers[fn.locals[p.name]] for p in fn.params]
        gen = b.add(GenNew(resume.sym, args, resume.generator.params, fn.result))
        b.add(Return(gen))
        return b.ir

    def keep_generators_to_scope_end(self) -> None:
        """Keep what a variable holding a generator (or any iterator, which
        may be one) held alive until the variable is assigned again or the
        function returns, as CPython does, rather than only to its last
        use, as the count pass would: dropping a generator suspended in a
        `try` runs its `finally`, which must print where CPython prints
        it.  Each such variable gets a shadow register of type `object`
        (None at the start), which each assignment "uses" (a no-op) and
        then copies the new value into, so the one before is released
        there, and which every return path uses, so the last is released
        when the function returns."""
        b = self._g()
        self.kept_shadows: dict[int, Register] = {}
        if not b.checks_errors:
            return
        for var in b.fn.locals.values():
            if isinstance(var, Local) and not var.is_param and var in b.registers \
                    and isinstance(var.type, T.IteratorType) and var not in b.cells:
                shadow = b.hidden(f"{var.name}.kept", T.OBJECT)
                b.assign(shadow, b.add(Cast("object", Integer(0, U64), T.OBJECT)))
                self.kept_shadows[id(var)] = shadow
        shadows = list(self.kept_shadows.values())
        if shadows:
            def use() -> None:
                for r in shadows:
                    b.add(KeepAlive(r))
            b.cleanups.append(use)

    def keep_generator(self, var: Local, reg: Register) -> None:
        shadow = getattr(self, "kept_shadows", {}).get(id(var))
        if shadow is not None:
            b = self._g()
            # A use of the old value first: it lives until here, and the
            # count pass releases it when the shadow is overwritten.
            b.add(KeepAlive(shadow))
            b.assign(shadow, reg)

    # ----- yield, yield from, return ----------------------------------------------------
    def suspend(self, raw: Value, name: str, node: ast.AST | None,
                delegate: Callable[[], None] | None = None, status: int = 1) -> BasicBlock:
        """End the block with a `yield` of the slot `raw`; the builder goes
        on in the block the next resume starts at, where it first takes a
        thrown exception (`pending_throw`, or `delegate()` for a `yield
        from`, which hands it on)."""
        b = self._g()
        assert self.gen is not None
        index = len(self.gen.resumes) + 1
        resume = b.new_block(f"{name}{index}.resume")
        self.gen.resumes.append(resume)
        guarded = bool(b.handlers)
        self.gen.guarded.append(guarded)
        if guarded and self.gen.make is None and EXCEPTIONS_MODULE in b.checker.scopes:
            self.gen.make = b.checker.scopes[EXCEPTIONS_MODULE]["_make"]
            self.gen.finalize = self.generator_fn("gen_finalize")
        b.add(Suspend(raw, resume, index, status))
        b.activate(resume)
        if delegate is not None:
            delegate()
        else:
            self.pending_throw(node)
        return resume

    def pending_throw(self, node: ast.AST | None) -> None:
        """Where a resume starts: an error pending is a `throw()` (or the
        GeneratorExit of `close()`), raised here, at the `yield` (or at the
        `def` line of a generator not yet started, as CPython shows it):
        the same test as after a call, so the innermost handler takes it
        (pythos/rt/obj/generator.py documents the protocol)."""
        b = self._g()
        if b.checks_errors:
            b.test_error(None, node)

    def expr_Yield(self, node: ast.Yield) -> Value:
        b = self._g()
        assert self.gen is not None
        gen = self.gen.type
        value = b.expr(node.value) if node.value is not None else Integer(0, U64)
        # An asynchronous generator's `yield` answers 2, an item, where an
        # `await` in it answers 1 (ir/build/asyncs.py).
        self.suspend(b.to_slot(value, gen.element) if node.value is not None else value,
                     "yield", node, status=2 if isinstance(gen, T.AsyncGeneratorType) else 1)
        return self.sent_value(gen.send)

    def sent_value(self, t: T.Type) -> Value:
        """What `send` passed in (None for next()), as the value of the
        `yield` expression; an object gets a reference of its own."""
        b = self._g()
        assert self.gen is not None
        if t is NONE:
            return Integer(0, U64)
        if holds_reference(t, True) and not may_be_none(t):
            # next() sends None, which mypy lets reach a `yield` typed to
            # receive a str or an object; CPython would go on with None, a
            # value this register cannot hold.  Stop loudly instead.
            given = b.add(Compare("ne", self.gen.sent, Integer(0, U64)))
            b.check(given, lambda: b.fail(b.current_node(), ERR_TYPE,
                                          f"next() sent None into a generator whose yield "
                                          f"receives {t}; use send()"))
        return b.from_slot(self.gen.sent, t, True)

    def expr_YieldFrom(self, node: ast.YieldFrom) -> Value:
        """`yield from E`: resume E's iterator, passing on what this
        generator is sent, and yield what it yields, until it ends; the
        value is E's return value (a generator's) or None."""
        b = self._g()
        inner_t = node.value.ty  # type: ignore[attr-defined]
        return self.delegate_to(node, b.kept(b.iterator_of(node.value), "yield_from.iterator"),
                                inner_t)

    def delegate_to(self, node: ast.expr, inner: Value, inner_t: T.Type) -> Value:
        """The loop of `yield from` (and of `await`, coroutines.py): send
        what this frame is sent into `inner`, yield what it yields, hand
        it a throw or close, until it ends; its return value, or None."""
        b = self._g()
        assert self.gen is not None
        passed = b.hidden("yield_from.sent", U64)
        b.assign(passed, Integer(0, U64))
        head = b.new_block("yield_from.head")
        body = b.new_block("yield_from.body")
        end = b.new_block("yield_from.end")
        b.goto(head)
        b.activate(head)
        if isinstance(inner_t, GeneratorType) and inner_t.element is NONE \
                and not isinstance(inner_t, T.AsyncGeneratorType):
            # What an awaitable yields is always None (coroutines.py): the
            # inner frame writes it straight into this frame's own out
            # slot, where this `yield` would store it, and the item to
            # yield on is the constant.
            out = self.gen.out

            def slot() -> Value:
                return out

            def item() -> Value:
                return Integer(0, U64)
        else:
            outs = b.hidden("yield_from.out", T.ArrayType(U64, 1), "owner")

            def slot() -> Value:
                return b.out_slot(outs, 0)

            def item() -> Value:
                addr = b.add(ElementAddr(outs, Integer(0, T.I64), U64, outs.type,
                                         inbounds=True))
                return b.add(Load(addr, U64))
        # A generator (or coroutine) by its static type: `gen_resume`
        # inline, the test of its state and the call of its resume
        # function; any other iterator through `gen_send_any`.
        frame = isinstance(inner_t, GeneratorType) \
            and not isinstance(inner_t, T.AsyncGeneratorType)
        step_fn = self.generator_fn("gen_resume") if frame else b.iterator_fn("gen_send_any")
        got = checked_call(b, node, step_fn, [inner, passed, slot()])
        b.branch(got, body, end, likely=True)
        b.activate(body)
        # A coroutine suspended here tells `coro_send` the frame it awaits,
        # which a send then resumes directly (pythos/rt/obj/coroutine.py).
        shortcut = frame and type(self.gen.type) is T.CoroutineType
        frame_reg = self.gen.frame

        def awaiting(what: Value) -> None:
            if shortcut:
                b.add(Call(b.coroutine_fn("coro_awaiting"), [frame_reg, what]))

        awaiting(b.as_u64(inner))

        def delegate() -> None:
            # A throw or close of this generator goes on to the inner one
            # (PEP 380): it yields again, ends (the value of the `yield
            # from`), or the error leaves through this frame.
            awaiting(Integer(0, U64))
            if EXCEPTIONS_MODULE not in b.checker.scopes:
                # Nothing in the program can throw into or close a
                # generator (pythos/parse.py loads the classes if it can).
                self.pending_throw(node)
                return
            thrown = b.new_block("yield_from.thrown")
            resumed = b.new_block("yield_from.sent")
            b.branch(b.add(Call(b.exc_rt("obj_failed"), [])), thrown, resumed, likely=False)
            b.activate(thrown)
            exit_ti = b.add(TypeInfoAddr(self.generator_exit_type()))
            step = b.add(Call(self.generator_fn("gen_delegate_throw"), [
                inner, slot(), b.maker(), exit_ti]))
            failed = b.new_block("yield_from.failed")
            not_failed = b.new_block("yield_from.handed")
            b.branch(b.add(Compare("eq", step, Integer(0, U64))), failed, not_failed,
                     likely=False)
            b.activate(failed)
            b.propagate(node)
            b.activate(not_failed)
            b.branch(b.add(Compare("eq", step, Integer(1, U64))), body, end)
            b.activate(resumed)
        self.suspend(item(), "yield_from", node, delegate)
        b.assign(passed, self.gen.sent)
        b.goto(head)
        if shortcut:
            # The state after this one's: where `coro_send` resumes the
            # coroutine once the frame it resumed directly has ended (or
            # let an error out), to go on as the head does when the inner
            # resume returns False.
            stepped = b.new_block("await.stepped")
            self.gen.resumes.append(stepped)
            self.gen.guarded.append(self.gen.guarded[-1])
            b.activate(stepped)
            # The frame still holds the inner one, as in this await's state.
            b.add(KeepAlive(inner))
            awaiting(Integer(0, U64))
            b.test_error(None, node)
            b.goto(end)
        b.activate(end)
        if isinstance(inner_t, GeneratorType) and inner_t.result is not NONE:
            raw = b.add(Call(self.generator_fn("gen_return_value"), [inner]))
            result = b.from_slot(raw, inner_t.result, True)
            # The slot is borrowed from the inner frame, which must outlive
            # the reference from_slot takes: a later use keeps it alive.
            b.add(KeepAlive(inner))
            return result
        return Integer(0, U64)

    def generator_return(self, s: ast.Return) -> None:
        """`return` or `return v` in a generator: finish; v is kept in the
        frame (as a slot) for `yield from` and StopIteration."""
        b = self._g()
        assert self.gen is not None
        value: Value | None = None
        if s.value is not None:
            value = b.to_slot(b.expr(s.value), self.gen.type.result)
        b.run_cleanups(0)
        b.add(GenFinish(value))

    # ----- using a generator -----------------------------------------------------------
    def iterator_contains(self, node: ast.Compare, op: ast.cmpop, left: ast.expr, a: Value,
                          it: Value, t: T.IteratorType) -> Value:
        """`x in it` of an iterator or generator: take items until one
        equals x (CPython leaves the iterator after it) or it ends."""
        b = self._g()
        found = b.hidden("in.found", BOOL)
        b.assign(found, Integer(0, BOOL))
        cursor = ObjectCursor(b, node, it, t.element)
        head = b.new_block("in.head")
        body = b.new_block("in.body")
        hit = b.new_block("in.found")
        end = b.new_block("in.end")
        b.goto(head)
        b.activate(head)
        b.branch(cursor.more(), body, end)
        b.activate(body)
        item = b.item_value(cursor.item())
        lt = left.ty  # type: ignore[attr-defined]
        if (T.is_object(lt) or T.is_object(t.element)) and lt is not T.STR:
            same = b.object_compare(node, ast.Eq(), a, item, lt, t.element)
        else:
            same = b.compare(ast.Eq(), a, item, t.element)
        b.branch(same, hit, head)
        b.activate(hit)
        b.assign(found, Integer(1, BOOL))
        b.goto(end)
        b.activate(end)
        if isinstance(op, ast.NotIn):
            return b.add(IntOp("xor", found, Integer(1, BOOL)))  # type: ignore[no-any-return]
        return found

    def generator_send(self, node: ast.Call) -> Value:
        """`g.send(v)`: resume with v; the item it yields, or the report of
        StopIteration when it ends (issue 12 makes that catchable)."""
        b = self._g()
        assert isinstance(node.func, ast.Attribute)
        t = node.func.value.ty  # type: ignore[attr-defined]
        assert isinstance(t, GeneratorType)
        g = b.expr(node.func.value)
        arg = node.args[0] if node.args else node.keywords[0].value
        v = b.expr(arg)
        b.keep_stop_source(node, g)  # coroutines.py: `e.value` at its end
        # None, which a just-started generator must be sent, is a 0 slot
        # only for a type that holds None; an integer is never None.
        maybe_none = T.is_object(t.send) or t.send is NONE
        outs = b.hidden("send.out", T.ArrayType(U64, 1), "owner")
        slot = b.out_slot(outs, 0)
        b.check_representable(node, t.element)
        sent = b.to_slot(v, t.send) if t.send is not NONE else Integer(0, U64)
        checked_call(b, node, self.generator_fn("gen_send"), [
            g, sent, Integer(int(maybe_none), BOOL), slot])
        return b.read_out(outs, 0, t.element)

    def generator_exit_type(self) -> T.ClassType:
        sym = self.checker.scopes[EXCEPTIONS_MODULE]["GeneratorExit"]
        assert isinstance(sym, ClassSym)
        return sym.type

    def generator_throw_close(self, node: ast.Call, detail: str) -> Value:
        """`g.throw(exc)`: the exception raised at the `yield` where g is
        suspended; the value is what g yields next (or the exception, or
        StopIteration, propagates).  `g.close()`: GeneratorExit thrown in,
        and the generator's end taken quietly (pythos/rt/obj/generator.py)."""
        b = self._g()
        assert isinstance(node.func, ast.Attribute)
        t = node.func.value.ty  # type: ignore[attr-defined]
        assert isinstance(t, GeneratorType)
        g = b.expr(node.func.value)
        if detail == "Generator.close":
            checked_call(b, node, self.generator_fn("gen_close"), [g, b.maker()])
            return Integer(0, NONE)
        exc = b.expr(node.args[0])
        outs = b.hidden("throw.out", T.ArrayType(U64, 1), "owner")
        slot = b.out_slot(outs, 0)
        b.check_representable(node, t.element)
        b.keep_stop_source(node, g)  # coroutines.py: `e.value` after the throw
        checked_call(b, node, self.generator_fn("gen_throw"), [g, b.as_u64(exc), slot])
        if t.element is NONE:  # it yields None (a coroutine's throw() too)
            return Integer(0, node.ty)  # type: ignore[attr-defined]  # NONE or NONE_VALUE
        return b.read_out(outs, 0, t.element)

    # ----- generator expressions ---------------------------------------------------------
    def generator_expression(self, node: ast.GeneratorExp) -> Value:
        """`(elt for x in it if c ...)` as a value: a generator whose frame
        holds what CPython evaluates at once (the first iterable, made an
        iterator; a range()'s bounds) and the enclosing variables the rest
        reads; its resume function is the comprehension's loops with a
        `yield` of `elt` in the innermost."""
        b = self._g()
        t = node.ty  # type: ignore[attr-defined]
        assert isinstance(t, GeneratorType)
        first = node.generators[0]
        locals_: dict[str, Local] = {}
        args: list[Value] = []
        evaluated: dict[int, str] = {}  # node id -> the parameter holding its value
        it = first.iter
        clause = first
        if isinstance(it, ast.Call) and getattr(it, "call", None) == ("builtin", "range"):
            # range(): its bounds now, the loop (a counted one) later.
            for i, a in enumerate(it.args):
                if getattr(a, "const", None) is not None:
                    continue
                name = f".bound{i}"
                locals_[name] = Local(name, a.ty, "value", is_param=True)  # type: ignore
                args.append(b.expr(a))
                evaluated[id(a)] = name
        else:
            source = b.iterator_of(it)  # iter() of the first iterable, at once
            first_t = source.type  # an Iterator[T] (iterate.py)
            assert isinstance(first_t, T.IteratorType)
            locals_[".0"] = Local(".0", first_t, "value", is_param=True)
            args.append(source)
            name_node = ast.Name(id=".0", ctx=ast.Load())
            ast.copy_location(name_node, it)
            name_node.sym = locals_[".0"]  # type: ignore[attr-defined]
            name_node.ty = first_t  # type: ignore[attr-defined]
            clause = ast.comprehension(target=first.target, iter=name_node, ifs=first.ifs,
                                       is_async=0)
        for var, use in self.genexpr_captures(node):
            locals_[var.name] = var
            args.append(b.read_variable(use, var))
        shape = ast.GeneratorExp(elt=node.elt, generators=[clause, *node.generators[1:]])
        ast.copy_location(shape, node)
        b.funcs.lambdas += 1
        sym = FuncSym("<genexpr>", b.fn.module, b.fn.node,
                      [Param(n, v.type, None) for n, v in locals_.items()], t,
                      f"{b.fn.link_name}.<locals>.<genexpr>.{b.funcs.lambdas}")
        sym.locals = dict(locals_)
        sym.generator = t
        rb = b.sub_builder(sym)
        for node_id, name in evaluated.items():
            rb.evaluated[node_id] = rb.registers[locals_[name]]
        elem = t.element

        def element() -> None:
            rb.suspend(rb.to_slot(rb.expr(node.elt), elem), "yield", node)

        resume = rb.resume_function(t, "<genexpr>.resume", node,
                                    lambda: rb.comprehension(shape, 0,  # type: ignore
                                                             element),
                                    closures=False,
                                    qualname=f"{python_qualname(b.fn)}.<locals>.<genexpr>")
        b.funcs.extra.append(resume)
        assert resume.generator is not None
        return b.add(GenNew(resume.sym, args, resume.generator.params, t))  # type: ignore

    def genexpr_captures(self, node: ast.GeneratorExp) -> list[tuple[Local, ast.Name]]:
        """The enclosing function's variables a generator expression reads
        after its creation (in its condition, element and later clauses).
        The frame takes their values when the generator is made; CPython
        reads them when it runs, which is the same value only if nothing
        assigns them again.  So each must be a parameter the function never
        assigns, or a variable assigned once, outside any loop."""
        b = self._g()
        own = {n.id for g in node.generators for n in target_names(g.target)}
        parts: list[ast.AST] = [node.elt, *node.generators[0].ifs, *node.generators[1:]]
        found: dict[int, tuple[Local, ast.Name]] = {}
        todo = list(parts)
        while todo:
            n = todo.pop()
            todo.extend(ast.iter_child_nodes(n))
            if not isinstance(n, ast.Name) or n.id in own:
                continue
            sym = getattr(n, "sym", None)
            if not isinstance(sym, Local) or id(sym) in found:
                continue
            if sym not in b.registers and sym not in b.cells:
                continue  # a variable of a comprehension inside this one
            if sym.type.is_aggregate:
                raise b.not_yet(n, f"generator expressions that read the struct or array "
                                   f"'{n.id}'")
            if assigned_again(b.fn.node, n.id, sym.is_param):
                raise b.not_yet(n, f"generator expressions that read '{n.id}', a variable "
                                   f"assigned more than once (CPython reads it when the "
                                   f"generator runs, not when it is made),")
            found[id(sym)] = (sym, n)
        return list(found.values())


def assigned_again(fn_node: ast.AST | None, name: str, is_param: bool) -> bool:
    """Whether `name` may hold more than one value in the function: a
    parameter assigned at all, or a variable assigned more than once or in
    a loop (a for target, a store inside for or while)."""
    if fn_node is None:
        return True
    count = 0

    def visit(n: ast.AST, in_loop: bool) -> bool:
        nonlocal count
        for child in ast.iter_child_nodes(n):
            if isinstance(child, (ast.FunctionDef, ast.Lambda, ast.ClassDef)):
                continue
            stores = isinstance(child, ast.Name) and child.id == name and \
                isinstance(child.ctx, ast.Store)
            if stores:
                count += 1
                if in_loop or is_param or count > 1:
                    return True
            loop = isinstance(child, (ast.For, ast.AsyncFor, ast.While, ast.comprehension))
            if visit(child, in_loop or loop):
                return True
        return False
    return visit(fn_node, False)
