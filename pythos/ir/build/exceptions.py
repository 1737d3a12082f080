"""Exceptions in the IR: checked error results, handlers and `finally`.

A function that raises records the exception in the runtime's error
state and returns at once (pythos/rt/obj/exc.py); nothing unwinds the
stack.  So the IR needs no new control flow, only branches:

- After every call that can raise, the builder tests the error state
  (`obj_failed()`, one load and compare once inlined) and branches, on
  the unlikely side, to the **raise target**: the innermost handler's
  block, or the function's **error exit**, which returns a dummy result
  for the caller to ignore (its caller tests the state in turn).  The
  branch carries `error_of`, the call it tests, so that `prune_checks`
  (below) can remove the tests after calls that cannot raise.
- On the way to the target, the first block of the failing side adds
  this frame to the traceback (`tb_add`: file, function, line and the
  source line, all constants).
- A `try` pushes its handler block while its body is built.  That block
  moves the error out of the global state into a record the handler owns
  (`exc_save`), tests each `except` clause in order (`exc_matches`: a
  class-id range check, or a bit test for a lazy error), and runs the
  first that matches, or puts the error back (`exc_restore`) and goes on
  to the outer target.
- A `finally` block is built once for each way out of its `try`: falling
  through, `return`, `break` and `continue` (through the builder's
  `cleanups`, which `with` statements use too) and the failure path,
  which saves the error, runs the block, and restores the error.

Values that die on a failing edge are released by the count pass like on
any other edge (ir/passes/refcount.py).  The result of the call being
tested is raw (`u64`) until the test has passed: on the failing side it
is not a reference, and must not be released.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ... import types as T
from ...diagnostics import source_lines
from ...parse import EXCEPTIONS_MODULE, PACKAGE_ROOT
from ...symbols import ClassSym, FuncSym
from ...types import BOOL, NONE, U32, U64, ClassType
from ..ops import (
    BasicBlock,
    Branch,
    Call,
    CallAddr,
    CallValue,
    Cast,
    FuncAddr,
    GenFinish,
    Goto,
    Integer,
    MethodCall,
    ObjNew,
    Op,
    Position,
    Register,
    Return,
    TypeInfoAddr,
    Unreachable,
    Value,
    holds_reference,
)

if TYPE_CHECKING:
    from ...diagnostics import CompileError
    from ...parse import Module
    from ..ops import FuncIR

ERR_OBJECT_FIELDS = {"_name": 16, "_str": 24, "args": 32, "_tb": 40, "_cause": 48,
                     "_context": 56, "_suppress": 64}  # pythos/rt/obj/exc.py EXC_*


def shown_path(path: str) -> str:
    """A file as reports name it: relative to the project for its own
    files (a kernel reports `kernel/x.py` wherever it was built), else as
    given."""
    try:
        return str(Path(path).resolve().relative_to(PACKAGE_ROOT))
    except ValueError:
        return path


def runtime_module(fn: FuncSym) -> bool:
    """Functions of the runtime, which report their errors themselves."""
    name = fn.module.name
    return name.startswith("pythos.rt.") and name != EXCEPTIONS_MODULE


def init_sets_args(init: FuncSym) -> bool:
    """Whether an exception class's own `__init__` starts by calling
    BaseException's (`super().__init__(...)`, directly or through a base
    class's `__init__` that does), with arguments that do not read `self`:
    then `args` and the text are set there before anything can see them."""
    body = init.node.body if init.node is not None else []
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    if not body or not isinstance(body[0], ast.Expr) or not isinstance(body[0].value, ast.Call):
        return False
    call = body[0].value
    if any(isinstance(n, ast.Name) and n.id == "self" for a in call.args for n in ast.walk(a)):
        return False
    how = getattr(call, "call", None)
    if how == ("exc_init", None):
        return True
    return how is not None and how[0] == "super" and isinstance(how[1], FuncSym) \
        and how[1].name == "__init__" and init_sets_args(how[1])


class ExceptionBuilder:
    """Mixed into `FunctionBuilder`."""

    fn: FuncSym
    ir: FuncIR
    pos: Position | None
    module: Module
    block: BasicBlock
    checker: Any
    object_runtime: dict[str, FuncSym]
    cleanups: list[Callable[[], None]]
    evaluated: dict[int, Value]
    texts: dict[int, Value]
    loops: list[tuple[BasicBlock, BasicBlock, int]]

    if TYPE_CHECKING:
        def add(self, op: Op) -> Any: ...
        def new_block(self, label: str) -> BasicBlock: ...
        def activate(self, block: BasicBlock) -> None: ...
        def goto(self, block: BasicBlock) -> None: ...
        def branch(self, cond: Value, true: BasicBlock, false: BasicBlock,
                   likely: bool | None = None) -> None: ...
        def hidden(self, name: str, t: T.Type, kind: str = "value") -> Register: ...
        def body(self, statements: list[ast.stmt]) -> None: ...
        def expr(self, node: ast.expr) -> Value: ...
        def string(self, data: bytes, t: T.Type) -> Value: ...
        def assign(self, dest: Register, src: Value) -> None: ...
        def local_register(self, var: Any) -> Register: ...
        def as_u64(self, v: Value) -> Value: ...
        def store_field(self, obj: Value, ct: ClassType, name: str, value: Value) -> None: ...
        def kept(self, v: Value, name: str) -> Value: ...
        def self_register(self) -> Value: ...
        def call_method_direct(self, node: ast.AST, fn: FuncSym, args: list[Value]) -> Value: ...
        def call_method(self, node: ast.AST, fn: FuncSym, args: list[Value]) -> Value: ...
        def awaited(self, node: ast.AST, item: ast.AST, coro: Value, coro_t: object) -> Value: ...
        def stop_escapes(self) -> None: ...
        def not_yet(self, node: ast.AST, what: str) -> CompileError: ...
        def run_cleanups(self, down_to: int) -> None: ...
        def start_stop_values(self, s: ast.Try) -> None: ...
        @property
        def terminated(self) -> bool: ...

    def init_exceptions(self) -> None:
        # The blocks errors go to, innermost last; empty: the error exit.
        self.handlers: list[BasicBlock] = []
        # The records of the `except` clauses being built, innermost last
        # (a bare `raise` re-raises the last).
        self.handling: list[Register] = []
        self.chains: list[BasicBlock] = []  # their blocks for errors raised in them
        self.error_exit: BasicBlock | None = None
        # Calls whose failure the caller tests itself (iterate.py).
        self.unchecked_calls = 0
        # `propagate`: the block that adds the frame, per raise target, and
        # the registers that tell it the line and its text.
        self.traceback_blocks: dict[int, BasicBlock] = {}
        self._error_line: Register | None = None
        self._error_text: Register | None = None

    @property
    def checks_errors(self) -> bool:
        return "obj_failed" in self.object_runtime and not runtime_module(self.fn)

    def exc_rt(self, name: str) -> FuncSym:
        return self.object_runtime[name]

    def position_at_def(self) -> None:
        """Give the ops about to be added the `def` line if they have no
        position yet: every call needs one, for the debug information."""
        if self.pos is None and self.fn.node is not None:
            self.pos = Position(self.fn.module, self.fn.node.lineno, self.fn.node.col_offset + 1)

    def hide_pending_error(self) -> None:
        """An exported function (which the runtime or the assembly calls)
        hides an error pending in its caller, and shows it again when it
        returns: its own tests must not take that error for one of theirs.
        So a kernel heap function called while an error is on its way
        works as usual.  An interrupt handler needs no such step: code it
        can reach never raises (the interrupt rule), so the builder leaves
        no test in it (and extra calls there would change the frames gdb
        unwinds through)."""
        if not self.fn.exported or not self.checks_errors:
            return
        self.position_at_def()
        hidden = self.hidden("error.hidden", U32)
        self.assign(hidden, self.add(Call(self.exc_rt("exc_suspend"), [])))
        self.cleanups.append(lambda: self.add(Call(self.exc_rt("exc_resume"), [hidden])))

    # ----- where errors go -----------------------------------------------------------------
    def raise_target(self) -> BasicBlock:
        if self.handlers:
            return self.handlers[-1]
        if self.error_exit is None:
            self.error_exit = self.make_error_exit()
        return self.error_exit

    def make_error_exit(self) -> BasicBlock:
        """The block that leaves the function with the error pending: a
        dummy result the caller does not read.  An entry point (the
        kernel's kmain, an interrupt handler) has no caller to test it:
        there the exception is reported and the program stops."""
        saved = self.block
        self.position_at_def()
        exit_block = self.new_block("error.exit")
        self.activate(exit_block)
        fn = self.fn
        if getattr(self, "gen", None) is not None:
            # A generator's resume function (generators.py): an exception
            # ends the generator.  PEP 479: a StopIteration that escapes its
            # body becomes RuntimeError, so it is not taken for its end.
            self.stop_escapes()  # generators.py, asyncs.py
            self.add(GenFinish(None))
        elif fn.exported or fn.interrupt:
            self.add(Call(self.exc_rt("exc_abort"), []))
            self.add(Unreachable())
        else:
            t = fn.result
            if t is NONE or t.is_aggregate:
                self.add(Return())
            elif T.is_object(t) or t is T.STR or isinstance(t, T.OptionalType):
                self.add(Return(self.add(Cast("object", Integer(0, U64), t))))
            elif t is T.BYTES:
                self.add(Return(self.string(b"", t)))  # a view: nothing to count
            else:
                self.add(Return(Integer(0, t)))
        self.ir.error_exit = exit_block
        self.activate(saved)
        return exit_block

    def frame_strings(self, line: int) -> list[Value]:
        """The traceback entry of this frame at `line`: file, function,
        line, source line."""
        shown = shown_path(self.fn.module.path)
        lines = source_lines(self.fn.module.source)
        text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
        return [self.string(shown.encode(), T.STR), self.string(self.fn.name.encode(), T.STR),
                Integer(line, U32), self.string(text.encode(), T.STR)]

    def propagate(self, node: ast.AST | None = None) -> None:
        """An error is pending here: add this frame to its traceback and go
        to the raise target.

        Each place that can fail only sets the line and the source line in
        two registers and jumps to one block per raise target, which makes
        the call of `tb_add`: a failure path costs two moves and a jump, so
        a function with many calls that can raise stays small (and LLVM's
        inliner keeps treating it as before)."""
        line = getattr(node, "lineno", None) if node is not None else None
        if line is None:
            line = self.pos.line if self.pos is not None else 0
        file, func, number, text = self.frame_strings(line)
        target = self.raise_target()
        shared = self.traceback_blocks.get(id(target))
        if shared is None:
            saved = self.block
            shared = self.new_block("error.traceback")
            self.activate(shared)
            self.add(Call(self.exc_rt("tb_add"), [file, func, self.error_line, self.error_text]))
            self.goto(target)
            self.activate(saved)
            self.traceback_blocks[id(target)] = shared
        self.assign(self.error_line, number)
        self.assign(self.error_text, self.add(Cast("object", text, U64)))
        self.goto(shared)

    @property
    def error_line(self) -> Register:
        if self._error_line is None:
            self._error_line = self.hidden("error.line", U32)
        return self._error_line

    @property
    def error_text(self) -> Register:
        if self._error_text is None:
            self._error_text = self.hidden("error.text", U64)
        return self._error_text

    def test_error(self, of: Op | None, node: ast.AST | None = None) -> Branch:
        """Go on if no error is pending, else propagate.  `of` is the call
        tested, if the test may be removed when it cannot raise."""
        failed = self.add(Call(self.exc_rt("obj_failed"), []))
        fail = self.new_block("error.raised")
        ok = self.new_block("error.ok")
        br = Branch(failed, fail, ok, likely=False)
        br.error_of = of
        self.add(br)
        self.activate(fail)
        self.propagate(node)
        self.activate(ok)
        return br

    def may_raise_op(self, op: Op) -> bool:
        if self.unchecked_calls or not self.checks_errors:
            return False
        if isinstance(op, Call):
            fn = op.fn
            return not fn.extern and not runtime_module(fn) and not fn.interrupt
        return isinstance(op, (MethodCall, CallValue, CallAddr))

    def checked_result(self, op: Op) -> Value:
        """After a call that may raise: the test, and its result as a value
        only on the side where it did not fail."""
        t = op.type
        raw = holds_reference(t, True) or isinstance(t, T.OptionalType)
        if raw:
            op.type = U64
        br = self.test_error(op)
        if raw:
            br.error_cast = self.add(Cast("object", op, t))
            return br.error_cast
        return op

    def raise_lazy(self, node: ast.AST, kind: int, message: str) -> None:
        """Raise a built-in error of `kind` (ERR_*) with a constant message,
        as the runtime records its own (no object is made)."""
        text = self.string(message.encode(), T.STR)
        self.add(Call(self.exc_rt("obj_raise"), [Integer(kind, U32), text]))
        self.propagate(node)

    def raises_assertion(self, s: ast.Assert) -> bool:
        """A failed `assert` in a Linux or user program with objects raises
        AssertionError, as CPython does, when its message is absent or a
        str; the kernel keeps the panic (its tests expect one)."""
        if not self.checks_errors or self.fn.in_interrupt or self.checker.freestanding \
                or EXCEPTIONS_MODULE not in self.checker.scopes:
            return False
        if s.msg is not None and not self.checker.assertion_message_is_value(s.msg):
            return False
        message: Value = Integer(0, U64)
        if s.msg is not None:
            message = self.expr(s.msg)
            self.add(Call(self.exc_rt("obj_incref"), [message]))
        self.add(Call(self.exc_rt("obj_raise"), [Integer(11, U32), message]))
        self.propagate(s)
        return True

    # ----- raise -------------------------------------------------------------------------
    def stmt_Raise(self, s: ast.Raise) -> None:
        if s.exc is None:
            # A bare raise: the caught error again, with its traceback.
            # Directly in its clause, the clause gives the record up (its
            # handler would make the error the context of itself); inside a
            # `try` within the clause, the clause keeps a copy.
            rec, chain = self.handling[-1], self.chains[-1]
            if self.handlers and self.handlers[-1] is chain:
                self.add(Call(self.exc_rt("exc_restore"), [rec]))
                self.handlers.pop()
                try:
                    self.goto(self.raise_target())
                finally:
                    self.handlers.append(chain)
            else:
                self.add(Call(self.exc_rt("exc_reraise"), [rec]))
                self.goto(self.raise_target())
            return
        lazy = getattr(s, "lazy", None)
        if lazy is not None:
            assert isinstance(s.exc, ast.Call)
            message: Value = Integer(0, U64)
            if s.exc.args:
                message = self.expr(s.exc.args[0])
                # obj_raise takes over a reference to the message.
                self.add(Call(self.exc_rt("obj_incref"), [message]))
            self.add(Call(self.exc_rt("obj_raise"), [Integer(lazy, U32), message]))
            self.propagate(s)
            return
        exc = self.expr(s.exc)
        if s.cause is None:
            cause: Value = Integer(0, U64)
            has_cause = False
        elif isinstance(s.cause, ast.Constant):
            cause, has_cause = Integer(0, U64), True
        else:
            cause, has_cause = self.as_u64(self.expr(s.cause)), True
        self.add(Call(self.exc_rt("exc_raise"), [self.as_u64(exc), cause,
                                                 Integer(int(has_cause), BOOL)]))
        self.propagate(s)

    # ----- making exceptions -------------------------------------------------------------
    def exception_base(self) -> ClassType:
        sym = self.checker.scopes[EXCEPTIONS_MODULE]["BaseException"]
        assert isinstance(sym, ClassSym)
        return sym.type

    def evaluate_once(self, args: list[ast.expr]) -> list[int]:
        """Evaluate `args` in order, so that the texts and the arguments
        passed on read the same values; the keys to forget afterwards."""
        keys = []
        for a in args:
            self.evaluated[id(a)] = self.kept(self.expr(a), "exc.arg")
            keys.append(id(a))
        return keys

    def construct_exception(self, node: ast.Call, ct: ClassType,
                            arguments: Callable[[], list[Value]]) -> Value:
        """`C(args)` of an exception class: a zeroed object, its class's
        name, the text of the arguments and the arguments themselves (what
        CPython's BaseException keeps as `args`), then the class's own
        `__init__`, if any.  An `__init__` that starts by calling
        BaseException's sets both itself, before anything can read them:
        then they are not made here too (`init_sets_args`), so raising
        such a class builds one `args` tuple, not two."""
        keys = self.evaluate_once(node.args)
        try:
            obj = self.add(ObjNew(ct))
            base = self.exception_base()
            self.store_field(obj, base, "_name", self.string(ct.name.encode(), T.STR))
            init = ct.find_method("__init__")
            if not (isinstance(init, FuncSym) and init_sets_args(init)):
                self.set_texts(obj, node)
            if isinstance(init, FuncSym):
                self.call_method_direct(node, init, [obj, *arguments()])
        finally:
            for k in keys:
                del self.evaluated[k]
        return obj  # type: ignore[no-any-return]

    def init_exception(self, node: ast.Call) -> Value:
        """`super().__init__(args)` reaching BaseException's: new texts."""
        keys = self.evaluate_once(node.args)
        try:
            self.set_texts(self.self_register(), node)
        finally:
            for k in keys:
                del self.evaluated[k]
        return Integer(0, NONE)

    def set_texts(self, obj: Value, node: ast.Call) -> None:
        """Set str(e) (the text the checker made, `exc_texts`) and `args`
        (the arguments as objects: ints and bools boxed)."""
        texts = getattr(node, "exc_texts", None)
        base = self.exception_base()
        text = texts[0] if texts else None
        self.store_field(obj, base, "_str", self.expr(text) if text is not None
                         else self.string(b"", T.STR))
        b: Any = self  # (check/exceptions.py: every argument may be an object)
        args = b.tuple_of(T.VarTupleType(T.OBJECT), [self.expr(a) for a in node.args],
                          tuple(T.OBJECT for _ in node.args))
        self.store_field(obj, base, "args", args)

    # ----- with ----------------------------------------------------------------------------
    def with_error_block(self) -> BasicBlock:
        """The handler of a `with` body: where an exception in it goes."""
        block = self.new_block("with.error")
        self.handlers.append(block)
        return block

    def leave_with_on_error(self, depth: int) -> None:
        """Call the __exit__ methods on the way out of an exception, with
        the error hidden while they run, then go on to the outer handler.
        (A struct's __exit__ takes only self: it cannot see the exception,
        nor suppress it.)"""
        hidden = self.hidden("with.hidden", U32)
        self.assign(hidden, self.add(Call(self.exc_rt("exc_suspend"), [])))
        self.run_cleanups(depth)
        self.add(Call(self.exc_rt("exc_resume"), [hidden]))
        self.goto(self.raise_target())

    def exit_with_exception(self, item: ast.withitem, receiver: Value, depth: int,
                            after: BasicBlock) -> BasicBlock:
        """The error path of a with statement whose `__exit__(self,
        exc_type, exc, tb)` sees the exception (check/exceptions.py,
        exception_exit): take the error as a handler does, pass it as an
        object (in all three places: Pythos has no class or traceback
        objects, and exc_type and tb are only ever compared with None),
        then drop it if the result is true, else raise it again.  An
        exception raised by `__exit__` itself gets this one as its context.
        Returns the block where the statement after the with goes on: the
        normal way out and the suppressing one join there."""
        exit_fn: FuncSym = item.exit  # type: ignore[attr-defined]
        # What the call gives: an async __aexit__'s is its coroutine's result.
        exit_result = exit_fn.result.result if isinstance(exit_fn.result, T.CoroutineType) \
            else exit_fn.result
        outer = self.raise_target()
        join = self.new_block("with.end")
        rec = self.hidden("with.caught", U64)
        self.assign(rec, self.add(Call(self.exc_rt("exc_save"), [])))
        del self.cleanups[depth:]  # this with's own exit is the call below

        def build() -> None:
            raw = self.add(Call(self.exc_rt("exc_object"), [rec, self.maker()]))
            # One owned reference, borrowed by the call in all three places.
            exc = self.add(Cast("object", raw, exit_fn.params[2].type))
            # At the with line, as CPython's traceback shows the call.
            where = item.context_expr
            self.pos = Position(self.module, where.lineno, where.col_offset + 1)
            result = self.awaited(where, item, self.call_method(
                where, exit_fn, [receiver, exc, exc, exc]), exit_fn.result)  # asyncs.py
            if exit_result is NONE:
                self.add(Call(self.exc_rt("exc_restore"), [rec]))
                self.goto(outer)
                return
            suppress, again = self.new_block("with.suppress"), self.new_block("with.again")
            self.branch(result, suppress, again)
            self.activate(again)
            self.add(Call(self.exc_rt("exc_restore"), [rec]))
            self.goto(outer)
            self.activate(suppress)
            self.add(Call(self.exc_rt("exc_drop"), [rec]))
            self.goto(join)
        self.in_clause(rec, outer, build)
        if exit_result is NONE:
            return after  # nothing is suppressed: only the body's own way out goes on
        self.activate(after)
        if not self.terminated:  # the body finished normally: it joins too
            self.goto(join)
        return join

    # ----- try ---------------------------------------------------------------------------
    def stmt_Try(self, s: ast.Try) -> None:
        self.start_stop_values(s)  # coroutines.py: `e.value` after a send
        outer = self.raise_target()
        fin_depth = len(self.cleanups)
        fin_block: BasicBlock | None = None
        if s.finalbody:
            fin_block = self.new_block("finally.error")
            handlers_at_try = list(self.handlers)
            handling_at_try = list(self.handling)

            def run_finally() -> None:
                self.emit_finally(s, handlers_at_try, handling_at_try, fin_depth)
            self.cleanups.append(run_finally)
            self.handlers.append(fin_block)
        inner_outer = self.raise_target()  # where the clauses' own errors go
        end = self.new_block("try.end")
        dispatch: BasicBlock | None = None
        if s.handlers:
            dispatch = self.new_block("except")
            self.handlers.append(dispatch)
        self.body(s.body)
        if dispatch is not None:
            self.handlers.pop()
        if not self.terminated:
            self.body(s.orelse)
            if not self.terminated:
                self.goto(end)
        if dispatch is not None:
            self.activate(dispatch)
            self.except_clauses(s, inner_outer, end)
        if fin_block is not None:
            self.handlers.pop()
            self.cleanups.pop()
            # The failure path: save the error, run the block, raise again.
            self.activate(fin_block)
            rec = self.hidden("finally.caught", U64)
            self.assign(rec, self.add(Call(self.exc_rt("exc_save"), [])))
            self.in_clause(rec, outer, lambda: self.build_copy(s.finalbody))
            if not self.terminated:
                self.add(Call(self.exc_rt("exc_restore"), [rec]))
                self.goto(outer)
        self.activate(end)
        if s.finalbody:
            self.build_copy(s.finalbody)

    def build_copy(self, statements: list[ast.stmt]) -> None:
        """Build statements that are built more than once (a `finally`
        block): forget the values an earlier copy computed for their
        expressions (print's arguments, f-string fields)."""
        nodes = {id(n) for st in statements for n in ast.walk(st)}
        # An exception's texts (`exc_texts`) are expressions the checker
        # made, outside the tree: forget theirs too.
        nodes |= {id(m) for st in statements for n in ast.walk(st)
                  for text in getattr(n, "exc_texts", None) or () if text is not None
                  for m in ast.walk(text)}
        for cache in (self.evaluated, self.texts):
            for key in [k for k in cache if k in nodes]:
                del cache[key]
        self.body(statements)

    def emit_finally(self, s: ast.Try, handlers: list[BasicBlock], handling: list[Register],
                     depth: int) -> None:
        """A copy of the `finally` block on a `return`, `break` or
        `continue` path, built where the `try` stands: its errors go to
        the handlers outside the `try`."""
        saved = (self.handlers, self.handling, self.cleanups)
        self.handlers, self.handling = list(handlers), list(handling)
        self.cleanups = self.cleanups[:depth]
        try:
            self.build_copy(s.finalbody)
        finally:
            self.handlers, self.handling, self.cleanups = saved
        if self.terminated:
            # The finally block returned or jumped: the rest of the path is
            # dead code, which goes in a block of its own.
            self.activate(self.new_block("finally.dead"))

    def in_clause(self, rec: Register, outer: BasicBlock, build: Callable[[], None]) -> None:
        """Build a handler's code, which owns the record `rec`: an error
        raised in it gets the caught one as its context; a way out by
        `return`, `break` or `continue` drops the record."""
        chain = self.new_block("except.chain")
        self.handlers.append(chain)
        self.handling.append(rec)
        self.chains.append(chain)
        self.cleanups.append(lambda: self.add(Call(self.exc_rt("exc_drop"), [rec])))
        try:
            build()
        finally:
            self.cleanups.pop()
            self.chains.pop()
            self.handling.pop()
            self.handlers.pop()
        saved = self.block
        self.activate(chain)
        self.add(Call(self.exc_rt("exc_context"), [rec, self.maker()]))
        self.goto(outer)
        self.activate(saved)

    def kind_mask(self, ct: ClassType) -> int:
        """The lazy error kinds (ERR_*) whose built-in class is `ct` or
        derives from it: `except LookupError` catches a lazy IndexError."""
        from ...check.exceptions import RUNTIME_KINDS
        scope = self.checker.scopes[EXCEPTIONS_MODULE]
        mask = 0
        for name, kind in RUNTIME_KINDS.items():
            sym = scope.get(name)
            if isinstance(sym, ClassSym) and sym.type.is_subclass(ct):
                mask |= 1 << kind
        return mask

    def maker(self) -> Value:
        """The address of the program's `_make` (pythos/rt/exceptions.py)."""
        make = self.checker.scopes[EXCEPTIONS_MODULE]["_make"]
        return self.add(FuncAddr(make, U64))  # type: ignore[no-any-return]

    def except_clauses(self, s: ast.Try, outer: BasicBlock, end: BasicBlock) -> None:
        rec = self.hidden("except.caught", U64)
        self.assign(rec, self.add(Call(self.exc_rt("exc_save"), [])))
        for h in s.handlers:
            classes: list[ClassType] = h.classes  # type: ignore[attr-defined]
            body = self.new_block("except.clause")
            after = self.new_block("except.next")
            if classes[0] is self.exception_base():
                self.goto(body)
            else:
                for i, ct in enumerate(classes):
                    hit = self.add(Call(self.exc_rt("exc_matches"), [
                        rec, self.add(TypeInfoAddr(ct)), Integer(self.kind_mask(ct), U64)]))
                    nxt = after if i == len(classes) - 1 else self.new_block("except.or")
                    self.branch(hit, body, nxt)
                    self.activate(nxt)
            self.activate(body)

            def build(h: ast.ExceptHandler = h) -> None:
                var = getattr(h, "var", None)
                if var is not None and not getattr(h, "value_only", False):
                    raw = self.add(Call(self.exc_rt("exc_object"), [rec, self.maker()]))
                    self.assign(self.local_register(var), self.add(Cast("object", raw,
                                                                         var.type)))
                self.body(h.body)
            self.in_clause(rec, outer, build)
            if not self.terminated:
                self.add(Call(self.exc_rt("exc_drop"), [rec]))
                self.goto(end)
            self.activate(after)
        # No clause matched: on to the outer handler.
        self.add(Call(self.exc_rt("exc_restore"), [rec]))
        self.goto(outer)


# ----- removing the tests after calls that cannot raise ---------------------------------
def prune_checks(functions: list[FuncIR]) -> None:
    """Find which functions can raise, and drop the tests after calls of
    those that cannot.

    A function can raise if its error exit is reachable.  Start by
    assuming no function can (only the tests after runtime calls and
    `raise` statements, which have no `error_of` call, are live), and
    repeat until nothing changes: a test after a call of a function
    found to raise becomes live, which may make its caller's error exit
    reachable.  The fixed point is the least one, so mutually recursive
    functions that never raise keep no tests."""
    by_sym = {id(f.sym): f for f in functions}
    overrides: dict[tuple[int, str], list[FuncIR]] = {}
    for f in functions:
        cls = f.sym.cls
        if cls is not None:
            for c in cls.mro():
                overrides.setdefault((id(c), f.sym.name), []).append(f)
    raises: set[int] = set()

    def live(br: Branch) -> bool:
        op = br.error_of
        if op is None:
            return True
        if isinstance(op, Call):
            f = by_sym.get(id(op.fn))
            return f is None or id(f) in raises
        if isinstance(op, MethodCall):
            assert op.fn.cls is not None
            return any(id(g) in raises for g in overrides.get((id(op.fn.cls), op.fn.name), []))
        return True

    def reaches_exit(f: FuncIR) -> bool:
        if f.error_exit is None:
            return False
        seen = {id(f.blocks[0])}
        work = [f.blocks[0]]
        while work:
            block = work.pop()
            if block is f.error_exit:
                return True
            end = block.terminator
            nexts: list[BasicBlock]
            if isinstance(end, Branch):
                nexts = [end.true, end.false] if getattr(end, "error_of", None) is None \
                    or live(end) else [end.false]
            elif end is not None and hasattr(end, "target"):
                nexts = [end.target]  # type: ignore[attr-defined]
            else:
                nexts = []
            for n in nexts:
                if id(n) not in seen:
                    seen.add(id(n))
                    work.append(n)
        return False

    changed = True
    while changed:
        changed = False
        for f in functions:
            if id(f) not in raises and reaches_exit(f):
                raises.add(id(f))
                changed = True
    for f in functions:
        f.may_raise = id(f) in raises
        replaced: dict[int, Value] = {}
        for block in f.blocks:
            end = block.terminator
            if isinstance(end, Branch) and end.error_of is not None and not live(end):
                goto = Goto(end.false)
                goto.pos = end.pos
                ops = block.ops[:-1]
                if ops and ops[-1] is end.cond:
                    ops.pop()
                block.ops = [*ops, goto]
                # The result was kept raw until the test: it is the value
                # itself again, and the cast that made it one goes.
                call, cast, ok = end.error_of, end.error_cast, end.false.ops
                if cast is not None and ok and ok[0] is cast:
                    call.type = cast.type
                    replaced[id(cast)] = call
                    del ok[0]
        if replaced:
            replace_uses(f, replaced)
        if any(isinstance(b.terminator, Goto) for b in f.blocks):
            from . import remove_unreachable
            remove_unreachable(f)


def replace_uses(f: FuncIR, replaced: dict[int, Value]) -> None:
    """Make every op of `f` read `replaced[id(v)]` where it read `v`."""
    for block in f.blocks:
        for op in block.ops:
            names = [n for cls in type(op).__mro__ for n in getattr(cls, "__slots__", ())]
            names += list(getattr(op, "__dict__", {}))
            for name in names:
                v = getattr(op, name, None)
                if isinstance(v, Value) and id(v) in replaced:
                    setattr(op, name, replaced[id(v)])
                elif isinstance(v, (list, tuple)) and any(
                        isinstance(x, Value) and id(x) in replaced for x in v):
                    setattr(op, name, type(v)(replaced.get(id(x), x) if isinstance(x, Value)
                                              else x for x in v))
