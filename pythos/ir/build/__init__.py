"""Stage 3, build: turn the checked program into the IR (`pythos/ir/ops.py`).

The checker has already typed every expression, so the builder only
decides control flow and the order of operations; it never infers a
type.  It walks each function's statements (here), expressions
(`expr.py`) and calls (`calls.py`), appending ops to the current block.
Statements that branch (if, loops, and/or, runtime checks) make new
blocks and end the current one with a terminator.

Every source variable becomes a `Register`, and so do the builder's own
hidden variables (loop counters, the value of `a or b`).  Registers are
read where they are used: the lowering gives each a stack slot and LLVM's
mem2reg turns the slots into SSA values.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ... import types as T
from ...diagnostics import CompileError, source_lines
from ...symbols import FuncSym, Local
from ...types import BOOL, BYTES, I64, NONE, STR, ArrayType, IntType, PtrType, StructType
from ..layout import ClassLayout, class_layouts
from ..ops import (
    I128,
    Assign,
    BasicBlock,
    Branch,
    Call,
    Cast,
    Compare,
    CopyMem,
    ElementAddr,
    FieldAddr,
    FuncIR,
    GetAttr,
    GlobalAddr,
    GlobalIR,
    Goto,
    Integer,
    IntOp,
    KeepAlive,
    Load,
    ModuleIR,
    Op,
    Position,
    RangeLoop,
    Register,
    Return,
    Select,
    SetAttr,
    SlicePart,
    Store,
    StrConst,
    TupleConst,
    Unreachable,
    Value,
    counted_value,
    successors,
)
from .asyncs import AsyncBuilder
from .bytearrays import BytearrayBuilder
from .bytes import BytesBuilder
from .comprehensions import ComprehensionBuilder
from .consumers import ConsumerBuilder
from .coroutines import CoroutineBuilder
from .dicts import DICT_RT, DictBuilder
from .exceptions import ExceptionBuilder, prune_checks, shown_path
from .expr import ExprBuilder
from .frozensets import frozenset_augassign
from .funcs import FuncBuilder, FuncValues, prepare_closures
from .generators import GeneratorBuilder
from .iterate import IterateBuilder
from .lists import ListBuilder
from .modinit import counted_global_access, module_initialisation
from .objects import ObjectBuilder
from .operators import instance_augassign, return_not_implemented
from .optional import OptionalBuilder
from .overrides import vtable_adapters
from .strings import StringBuilder
from .strmethods import StrMethodBuilder
from .tuples import TupleBuilder

RT = "pythos.rt.core"
OBJECT_RT = "pythos.rt.obj.object"
OBJECT_RT_MODULES = (OBJECT_RT, "pythos.rt.obj.runtime", "pythos.rt.obj.leaks",
                     "pythos.rt.obj.capture", "pythos.rt.obj.report", "pythos.rt.obj.fields",
                     "pythos.rt.obj.exc", "pythos.rt.obj.operators")
DICT_SLOT_FNS = ("dict_find", "dict_get_at", "dict_getitem_at", "dict_set_at")
# What ir/passes/keyhash.py calls: the hash of a key, and the lookups given it.
KEY_HASH_FNS = {DICT_RT: ("hash_key", "dict_contains_h", "dict_find_h", "dict_getitem_h",
                          "dict_setitem_h", "dict_set_at_h"),
                "pythos.rt.obj.set": ("set_contains_h", "set_add_h", "set_discard_h"),
                "pythos.rt.obj.items": ("int_slots_hash",)}
# Comparisons of two constants, for the range guards (`versioned`).
COMPARE_CONST: dict[str, Callable[[int, int], bool]] = {
    "ge": lambda a, b: a >= b, "lt": lambda a, b: a < b, "le": lambda a, b: a <= b}


# Ops that give the same value when done again with the same inputs, and
# do nothing else: the test of a scan loop may start over after them
# (`scan_exit`).  Plain loads are allowed there too.
REPEATABLE = (Compare, Select, Cast, IntOp, GlobalAddr, FieldAddr, ElementAddr, SlicePart)
# What keeps a `while` loop from being built twice (`scanning`): an inner
# loop, code that is a function of its own, a resume point.
NOT_COPIED = (ast.For, ast.While, ast.AsyncFor, ast.FunctionDef, ast.AsyncFunctionDef,
              ast.ClassDef, ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp,
              ast.GeneratorExp, ast.Yield, ast.YieldFrom, ast.Await, ast.Try, ast.With,
              ast.AsyncWith)


@dataclass(eq=False)
class ScanLoop:
    """The first copy of a scanning `while` loop being built: its head, and
    the head of the second copy once a check leaves for it."""

    head: BasicBlock
    leave: BasicBlock | None = None


def scanning(s: ast.While) -> bool:
    """Whether `s` is an innermost loop whose test indexes an array or bytes
    with a signed integer, and which can be built twice (`scan_exit`)."""
    indexed = any(isinstance(node, ast.Subscript)
                  and getattr(node, "sub", None) in ("array", "bytes")
                  and isinstance(t := getattr(node.slice, "ty", None), IntType) and t.signed
                  for node in ast.walk(s.test))
    if not indexed:
        return False
    return not any(isinstance(node, NOT_COPIED)
                   for part in (*s.body, *s.orelse) for node in ast.walk(part))


# How many turns of a scan loop one test of its index covers (`scan_strides`).
SCAN_STRIDE = 4


def scan_stride(s: ast.While, locals_: dict[str, Any], registers: dict[Any, Register],
                cells: Any) -> tuple[Register, int, int, int] | None:
    """For a scan loop `while <test>: i += c` (or `i -= c`, c a positive
    constant, no `else`), whose test indexes an `Array` with `i + offset`
    and neither calls nor assigns: the register of `i`, the step (+c or
    -c), the offset and the array's length.  None for any other loop.
    `i` must be a plain `int` local, whose `+=` raises rather than wraps,
    so that the relations stage can follow it."""
    if s.orelse or len(s.body) != 1:
        return None
    stmt = s.body[0]
    if not (isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name)
            and isinstance(stmt.op, (ast.Add, ast.Sub)) and isinstance(stmt.value, ast.Constant)
            and type(stmt.value.value) is int and stmt.value.value > 0):
        return None
    name = stmt.target.id
    # A test that calls or assigns is built once per turn as it is: copying
    # it would grow the code and remove nothing.
    if any(isinstance(node, (ast.Call, ast.NamedExpr)) for node in ast.walk(s.test)):
        return None
    step = stmt.value.value if isinstance(stmt.op, ast.Add) else -stmt.value.value
    local = locals_.get(name)
    if local is None or local in cells:
        return None
    reg = registers.get(local)
    if reg is None or reg.kind != "value" or not isinstance(reg.type, IntType) \
            or not (reg.type.checked and reg.type.signed):
        return None
    for node in ast.walk(s.test):
        if isinstance(node, ast.Subscript) and getattr(node, "sub", None) == "array":
            offset = variable_offset(node.slice, name)
            if offset is not None:
                return reg, step, offset, node.value.ty.length  # type: ignore[attr-defined]
    return None


def variable_offset(index: ast.expr, name: str) -> int | None:
    """c when `index` is `name`, `name + c`, `c + name` or `name - c` (c a
    constant); else None."""
    if isinstance(index, ast.Name) and index.id == name:
        return 0
    if not isinstance(index, ast.BinOp) or not isinstance(index.op, (ast.Add, ast.Sub)):
        return None
    left, right = index.left, index.right
    if isinstance(left, ast.Name) and left.id == name and isinstance(right, ast.Constant) \
            and type(right.value) is int:
        return right.value if isinstance(index.op, ast.Add) else -right.value
    if isinstance(index.op, ast.Add) and isinstance(right, ast.Name) and right.id == name \
            and isinstance(left, ast.Constant) and type(left.value) is int:
        return left.value
    return None


class FunctionBuilder(ExprBuilder, ConsumerBuilder, ListBuilder, TupleBuilder, ObjectBuilder,
                      StringBuilder, StrMethodBuilder, BytesBuilder, BytearrayBuilder,
                      DictBuilder, FuncBuilder, IterateBuilder, ComprehensionBuilder,
                      OptionalBuilder, ExceptionBuilder, GeneratorBuilder,
                      CoroutineBuilder, AsyncBuilder):
    def __init__(self, checker: Any, fn: FuncSym,
                 strings: dict[tuple[bytes, bool], StrConst],
                 layouts: dict[int, ClassLayout] | None = None) -> None:
        self.checker = checker
        self.layouts = layouts or {}
        self.strings = strings
        self.fn = fn
        self.module = fn.module
        self.pos: Position | None = None
        self.registers: dict[Local, Register] = {}
        self.temps: dict[int, Register] = {}
        self.evaluated: dict[int, Value] = {}
        # The str of each instance print() or an f-string writes (see
        # `evaluate_text_args`), by node.
        self.texts: dict[int, Value] = {}
        # Each loop: (continue target, break target, depth of `cleanups` at
        # its start).  `cleanups` holds what leaving a block early must run,
        # innermost last: the __exit__ calls of the enclosing with
        # statements, the `finally` blocks, the release of what an `except`
        # clause caught (exceptions.py).
        self.loops: list[tuple[BasicBlock, BasicBlock, int]] = []
        self.scan: ScanLoop | None = None  # the scan loop whose test is built
        self.guarded = False  # building a copy of a loop behind `rising_indexes`' test
        self.cleanups: list[Callable[[], None]] = []
        self.init_exceptions()
        self.current: ast.AST | None = None
        params = {p.name for p in fn.params}
        ordered = [fn.locals[p.name] for p in fn.params] + \
            [v for v in fn.locals.values() if v.name not in params]
        for var in ordered:
            self.registers[var] = Register(var.name, var.type, var.kind, var,
                                           is_param=var.name in params)
        self.ir = FuncIR(fn, [self.registers[fn.locals[p.name]] for p in fn.params],
                         list(self.registers.values()))
        self.index_checks = self.ir.index_checks
        if fn.result.is_aggregate:
            # The caller's storage for the result (a hidden first parameter).
            self.ir.sret = Register("result", fn.result, "ref", is_param=True)
        self.block = self.new_block("body")

    # ----- blocks ---------------------------------------------------------------------
    def add(self, op: Op) -> Any:
        self.represent(op)  # box an integer that goes into an `int | None` (optional.py)
        if isinstance(op, (Load, Store)):
            counted = counted_global_access(op, self.ir.count_str)  # build/modinit.py
            if counted is not op and self.block.ops and self.block.ops[-1] is op.addr:
                self.block.ops.pop()  # the global's address, no longer used
            op = counted
            if isinstance(op, Store) and op.value.type is BYTES and self.ir.count_str:
                # Memory the count pass does not follow (an Array, a struct,
                # a Ptr) would hold a run-time bytes value's data uncounted.
                where = self.current or self.fn.node
                assert where is not None
                raise self.not_yet(where,
                                   "bytes values stored in an Array, a struct or through a Ptr "
                                   "of a program with objects (keep them in a local, a list "
                                   "item or a class field)")
        op.pos = self.pos
        self.block.ops.append(op)
        if self.may_raise_op(op):  # exceptions.py: test the error state after it
            return self.checked_result(op)
        return op

    def new_block(self, label: str) -> BasicBlock:
        block = BasicBlock(label)
        self.ir.blocks.append(block)
        return block

    def activate(self, block: BasicBlock) -> None:
        self.block = block

    @property
    def terminated(self) -> bool:
        ops = self.block.ops
        return bool(ops) and ops[-1].is_terminator

    def goto(self, block: BasicBlock) -> None:
        self.add(Goto(block))

    def branch(self, cond: Value, true: BasicBlock, false: BasicBlock,
               likely: bool | None = None) -> None:
        self.add(Branch(cond, true, false, likely))

    def check(self, ok: Value, fail: Callable[[], None]) -> None:
        """A runtime check: continue if `ok`, else run `fail` (which must
        end its block, with a panic) in a block of its own."""
        failed = self.new_block("check.fail")
        passed = self.new_block("check.ok")
        self.branch(ok, passed, failed, likely=True)
        self.activate(failed)
        fail()
        self.activate(passed)

    def hidden(self, name: str, t: T.Type, kind: str = "value") -> Register:
        """A variable of the builder's own."""
        reg = Register(name, t, kind)
        self.ir.registers.append(reg)
        return reg

    def local_register(self, var: Local) -> Register:
        """The register of a variable the checker scoped more narrowly
        than the function (a comprehension's), made on first use."""
        if var not in self.registers:
            self.registers[var] = Register(var.name, var.type, var.kind, var)
            self.ir.registers.append(self.registers[var])
        return self.registers[var]

    def merge(self, name: str, t: T.Type, join: BasicBlock) -> Register:
        """A merge register for the value that reaches block `join`."""
        reg = Register(name, t, "ref" if t.is_aggregate else "value", join=join)
        self.ir.registers.append(reg)
        return reg

    def kept(self, v: Value, name: str) -> Value:
        """`v` as it is now, for use after statements that may assign the
        variable it reads (a loop's bounds are evaluated once)."""
        if isinstance(v, Register) and v.kind != "owner":
            copy = self.hidden(name, v.type, v.kind)
            self.assign(copy, v)
            return copy
        return v

    def assign(self, dest: Register, src: Value) -> None:
        self.add(Assign(dest, src))

    def check_locals_representable(self) -> None:
        """Stop at the first mention of a variable whose type the lowering
        cannot represent yet (an `int | None`)."""
        assert self.fn.node is not None
        bad = {v.name: v.type for v in self.fn.locals.values()
               if isinstance(v.type, T.OptionalType)
               and not isinstance(v.type.inner, (T.ClassType, T.CallableType))}
        if not bad:
            return
        for node in ast.walk(self.fn.node):
            name = node.arg if isinstance(node, ast.arg) else \
                node.id if isinstance(node, ast.Name) else None
            if name in bad:
                self.check_representable(node, bad[name])
        self.check_representable(self.fn.node, next(iter(bad.values())))

    def self_register(self) -> Value:
        if self.gen is not None:
            # A generator's or coroutine's resume function: `self` is the
            # first of the registers in the frame, not its first parameter.
            return self.gen.params[0]
        return self.ir.params[0]

    def current_node(self) -> ast.AST:
        assert self.current is not None
        return self.current

    def rt(self, name: str) -> FuncSym:
        sym = self.checker.scopes[RT].get(name)
        assert isinstance(sym, FuncSym), name
        return sym

    # ----- the function -----------------------------------------------------------------
    def build(self) -> FuncIR:
        fn = self.fn
        assert fn.node is not None
        try:
            self.check_locals_representable()
            # The prologue's ops (the cells below) belong to the `def` line:
            # a call without a line is invalid debug information.
            self.pos = Position(fn.module, fn.node.lineno, fn.node.col_offset + 1)
            self.enter_function()  # cells for the variables closures share (funcs.py)
            self.hide_pending_error()  # exceptions.py: entry points start with none
            self.keep_generators_to_scope_end()  # generators.py: a drop may run a finally
            self.body(fn.node.body)
            if not self.terminated and self.cleanups:
                self.run_cleanups(0)
        except CompileError:
            raise
        except Exception as e:  # a compiler bug: report where it happened
            raise CompileError(f"internal compiler error: {type(e).__name__}: {e}",
                               fn.module.loc(self.current or fn.node), kind="error") from e
        if not self.terminated:
            self.add(Return() if fn.result is NONE else Unreachable())
        remove_unreachable(self.ir)
        return self.ir

    # ----- statements ----------------------------------------------------------------
    def body(self, statements: list[ast.stmt]) -> None:
        for s in statements:
            if self.terminated:
                # Code after return/break is unreachable; give it a block of
                # its own, which is dropped when the function is done.
                self.activate(self.new_block("dead"))
            self.current = s
            self.pos = Position(self.module, s.lineno, s.col_offset + 1)
            getattr(self, "stmt_" + type(s).__name__)(s)

    def stmt_Pass(self, s: ast.Pass) -> None:
        pass

    stmt_Global = stmt_Pass

    def stmt_Expr(self, s: ast.Expr) -> None:
        if isinstance(s.value, ast.Constant):
            return
        self.expr(s.value)

    def run_cleanups(self, down_to: int) -> None:
        for cleanup in reversed(self.cleanups[down_to:]):
            cleanup()

    def stmt_With(self, s: ast.With | ast.AsyncWith) -> None:
        depth = len(self.cleanups)
        for item in s.items:
            receiver = self.kept(self.expr(item.context_expr), "with.receiver")
            enter: FuncSym = item.enter  # type: ignore[attr-defined]
            entered = self.call_method(item, enter, [receiver]) if enter.cls is not None \
                else self.add(Call(enter, [receiver]))
            entered = self.awaited(item.context_expr, item, entered, enter.result)  # asyncs.py
            if item.optional_vars is not None:
                self.assign_to(item.optional_vars, entered)
            self.cleanups.append(self.exit_call(item, receiver))
        failed = self.with_error_block() if self.checks_errors else None
        self.body(s.body)
        if failed is not None:
            self.handlers.pop()
        if not self.terminated:
            self.run_cleanups(depth)
        if failed is not None:
            # An exception in the body: __exit__ runs too (exceptions.py),
            # and may suppress it (then the statement after the with runs).
            after = self.block
            self.activate(failed)
            if getattr(s.items[0], "exit_sees_exception", False):
                after = self.exit_with_exception(s.items[0], receiver, depth, after)
            else:
                self.leave_with_on_error(depth)
            self.activate(after)
        del self.cleanups[depth:]

    def exit_call(self, item: ast.withitem, receiver: Value) -> Callable[[], None]:
        """The cleanup of a with statement: its __exit__ call (through the
        vtable for an instance whose subclass may override it)."""
        exit_fn: FuncSym = item.exit  # type: ignore[attr-defined]
        # The three-argument form gets None three times on a way out
        # that is not an exception (see exit_with_exception).
        nones = [Integer(0, p.type) for p in exit_fn.params[1:]]

        def call() -> None:
            if exit_fn.cls is not None:
                node = self.current_node()
                self.awaited(node, item, self.call_method(node, exit_fn, [receiver, *nones]),
                             exit_fn.result)
            else:
                self.add(Call(exit_fn, [receiver]))
        return call

    def stmt_Return(self, s: ast.Return) -> None:
        if self.gen is not None:
            self.generator_return(s)  # generators.py
            return
        # The value is computed before the with statements are left.
        if s.value is None:
            self.run_cleanups(0)
            self.add(Return())
        elif self.fn.result.is_aggregate:
            assert self.ir.sret is not None
            self.add(CopyMem(self.ir.sret, self.expr(s.value), self.fn.result))
            self.run_cleanups(0)
            self.add(Return())
        else:
            # `return NotImplemented` in an operator's method (operators.py)
            value = return_not_implemented(self) if hasattr(s, "not_implemented") \
                else self.expr(s.value)
            self.run_cleanups(0)
            self.add(Return(value))

    def stmt_Assert(self, s: ast.Assert) -> None:
        cond = self.truth(s.test)
        fail = self.new_block("assert.fail")
        ok = self.new_block("assert.ok")
        self.branch(cond, ok, fail)
        self.activate(fail)
        if self.raises_assertion(s):  # exceptions.py: CPython's AssertionError
            self.activate(ok)
            return
        if s.msg is not None:
            self.evaluate_text_args([s.msg])
        self.panic_begin(s)
        if s.msg is None:
            self.write_const_str("assertion failed")
        else:
            self.write_text(s.msg)
        self.panic_end()
        self.activate(ok)

    def stmt_If(self, s: ast.If) -> None:
        cond = self.truth(s.test)
        then = self.new_block("if.then")
        other = self.new_block("if.else")
        end = self.new_block("if.end")
        self.branch(cond, then, other)
        self.activate(then)
        self.body(s.body)
        if not self.terminated:
            self.goto(end)
        self.activate(other)
        self.body(s.orelse)
        if not self.terminated:
            self.goto(end)
        self.activate(end)

    def stmt_While(self, s: ast.While) -> None:
        """A `while` loop.  One that scans an array (`while DATA[i] < pivot:
        i += 1`) is built twice, see `scan_exit`; one whose indexes only
        count up from a value not known to be non-negative is built twice
        behind a test that they are, see `rising_indexes`."""
        counters = [] if self.guarded or scanning(s) else self.rising_indexes(s)
        if not counters:
            self.while_loop(s)
            return
        tests = [Compare("sge", reg, Integer(0, reg.type)) for reg in counters]
        self.guarded = True
        self.two_copies(tests, lambda: self.while_loop(s), "while")
        self.guarded = False

    def while_loop(self, s: ast.While) -> None:
        def more() -> Value:
            return self.truth(s.test)
        if not scanning(s):
            self.loop(s, more, lambda: None, lambda: None)
            return
        # Values cached while building (print's arguments) belong to one copy.
        cached, pos = dict(self.evaluated), self.pos
        done = self.scan_strides(s, cached, pos)
        outer, self.scan = self.scan, ScanLoop(self.new_block("scan.head"))
        scan = self.scan
        self.loop(s, more, lambda: None, lambda: None, scan.head)
        self.scan = outer
        if scan.leave is None:
            if done is not None:
                self.goto(done)
                self.activate(done)
            return  # no check could leave: the one copy is the whole loop
        join = done or self.new_block("scan.end")
        if not self.terminated:
            self.goto(join)
        self.pos = pos
        self.evaluated.clear()
        self.evaluated.update(cached)
        self.loop(s, more, lambda: None, lambda: None, scan.leave, entered=True)
        if not self.terminated:
            self.goto(join)
        self.activate(join)

    def scan_strides(self, s: ast.While, cached: dict[Any, Value],
                     pos: Position | None) -> BasicBlock | None:
        """Before a scan loop whose body only steps its index (`while
        DATA[i] < pivot: i += 1`), a loop that does SCAN_STRIDE turns of
        it at a time while all their indexes are in range; the block where
        the scan ends, or None when the loop is not of that shape.

        Such a scan stops where the array's *values* say, so its check
        cannot be proven and costs a compare and branch a turn.  But
        whether the next SCAN_STRIDE indexes `i, i + c, ...` are all in
        range is one test of `i` against two constants, made once for
        them: its edge gives the relations stage `lo <= i <= hi`, and from
        it (carried through each `i += c`) the stage removes the check of
        every copy.  When the test of `i` fails (near either end of the
        array, or out of range), the scan as built before, one checked
        turn at a time, takes over at the same `i`; when a copy's own loop
        test is false, the scan is over, as when the loop's is.  Each copy
        is the loop's test and body built from the source, so the turns do
        exactly what the loop does, checks included wherever a copy's
        cannot be proven."""
        stride = scan_stride(s, self.fn.locals, self.registers, self.cells)
        if stride is None:
            return None
        reg, step, offset, length = stride
        span = (SCAN_STRIDE - 1) * abs(step)
        # The values of `reg` for which reg + offset + k * step is an index
        # of the array for every k < SCAN_STRIDE.
        low = -offset + (span if step < 0 else 0)
        high = length - 1 - offset - (span if step > 0 else 0)
        if low > high:
            return None
        t = reg.type
        head = self.new_block("stride.head")
        inside = self.new_block("stride.guard")
        turns = self.new_block("stride.body")
        rest = self.new_block("stride.rest")
        done = self.new_block("scan.end")
        self.goto(head)
        self.activate(head)
        self.branch(self.add(Compare("sge", reg, Integer(low, t))), inside, rest, likely=True)
        self.activate(inside)
        self.branch(self.add(Compare("sle", reg, Integer(high, t))), turns, rest, likely=True)
        self.activate(turns)
        for _ in range(SCAN_STRIDE):
            self.pos = pos
            self.evaluated.clear()
            self.evaluated.update(cached)
            nxt = self.new_block("stride.turn")
            self.branch(self.truth(s.test), nxt, done)
            self.activate(nxt)
            self.body(s.body)
        self.goto(head)
        self.activate(rest)
        self.pos = pos
        self.evaluated.clear()
        self.evaluated.update(cached)
        return done

    def rising_indexes(self, s: ast.While) -> list[Register]:
        """The variables that index an array or bytes in loop `s` (`a[i]`,
        `a[i + c]`, c >= 0) and only count up in it (`i += c`, c >= 0).
        When one enters with a constant, LLVM folds the test below and
        drops the second copy.

        Such an index is never negative in the loop if it is not on entry,
        but the bounds pass cannot know that when it comes from a
        parameter: quicksort's `i = lo`.  So the loop is built twice
        behind a test `i >= 0` made once before it (as range loops are,
        `versioned`): in the first copy the relations between indexes
        (relations.py) carry `0 <= i` through every `i += 1`, and from it
        facts such as `0 <= i <= j`, so the checks lose their negative-
        index paths (or go); the second copy, which runs when the test
        fails, is the loop as written.  Only plain `int` variables count:
        their `+=` never wraps (it raises OverflowError), so the fact
        holds.  One level of loops is copied so, which bounds the growth
        of the code to twice (four times with the scans inside)."""
        if any(isinstance(node, NOT_COPIED) and not isinstance(node, (ast.For, ast.While))
               for node in ast.walk(s)):
            return []
        rising: dict[str, int] = {}  # name -> how many `name += c` (c >= 0)
        stores: dict[str, int] = {}  # name -> how many assignments of any kind
        for node in ast.walk(s):
            if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) \
                    and isinstance(node.op, ast.Add) and isinstance(node.value, ast.Constant) \
                    and type(node.value.value) is int and node.value.value >= 0:
                rising[node.target.id] = rising.get(node.target.id, 0) + 1
            elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                stores[node.id] = stores.get(node.id, 0) + 1
        indexes: dict[str, None] = {}  # in order, for the same IR on every build
        for node in ast.walk(s):
            if isinstance(node, ast.Subscript) \
                    and getattr(node, "sub", None) in ("array", "bytes"):
                for name in rising:
                    offset = variable_offset(node.slice, name)
                    if offset is not None and offset >= 0:
                        indexes[name] = None
        found: list[Register] = []
        for name in indexes:
            local = self.fn.locals.get(name)
            # The target of `i += 1` is a store too: no other may assign `i`.
            if local is None or local in self.cells or stores[name] != rising[name]:
                continue
            reg = self.registers.get(local)
            if reg is not None and reg.kind == "value" and isinstance(reg.type, IntType) \
                    and reg.type.checked and reg.type.signed:
                found.append(reg)
        return found

    def scan_exit(self) -> BasicBlock | None:
        """Where a failed check of a signed index leaves the fast copy of a
        scanning `while` loop; None when the check is built elsewhere.

        Python's `a[i]` tries a negative `i` as counting from the end, so
        its check is a compare for `[0, len)` and, when that fails, a second
        one for `[-len, 0)` whose result joins the first path.  In a scan
        loop that join keeps LLVM from rotating the loop, and the loop
        pays a jump and a copy of the index on each turn.  So the builder
        makes two copies of the loop: in the first, a check at the top of
        the test (after nothing but arithmetic and plain loads, which may
        be done again with the same result) whose index is outside
        `[0, len)` leaves the copy for the head of the second, which has
        every check as usual
        and runs the same test again from its start: a negative index is
        taken from the end there, a bad one panics there, exactly as one
        copy would.  The first copy's check is then one unsigned compare
        whose failure is a loop exit, as in C."""
        scan = self.scan
        if scan is None or self.block is not scan.head:
            return None
        for op in self.block.ops:
            if isinstance(op, Load):
                if op.volatile:
                    return None
            elif not isinstance(op, REPEATABLE):
                return None
            if counted_value(op.type, self.ir.count_str):
                return None  # a reference owned by this copy
        if scan.leave is None:
            scan.leave = self.new_block("scan.checked")
        return scan.leave

    def stmt_Break(self, s: ast.Break) -> None:
        self.run_cleanups(self.loops[-1][2])
        self.goto(self.loops[-1][1])

    def stmt_Continue(self, s: ast.Continue) -> None:
        self.run_cleanups(self.loops[-1][2])
        self.goto(self.loops[-1][0])

    def stmt_For(self, s: ast.For) -> None:
        kind = s.kind  # type: ignore[attr-defined]
        target = s.target
        if kind == "object":
            self.for_each(s)  # iterate.py: every iterable object
            return
        if kind == "range":
            self.for_range(s)
            return
        # Iterating over bytes or an array walks an index from 0 to len.
        length: Value
        if kind == "bytes":
            seq = self.kept(self.expr(s.iter), "for.sequence")
            data = self.add(SlicePart(seq, 0))
            length = self.add(SlicePart(seq, 1))
        else:
            at: ArrayType = s.iter.ty  # type: ignore[attr-defined]
            data = self.kept(self.expr(s.iter), "for.sequence")
            length = Integer(at.length, I64)
        counter = self.hidden("for.index", I64)
        self.assign(counter, Integer(0, I64))

        def bind() -> None:
            if kind == "bytes":
                p = self.add(ElementAddr(data, counter, T.U8, None, inbounds=False))
                byte = self.add(Load(p, T.U8))
                # A use in the loop: the bytes value (and the object that
                # owns the data) lives as long as the loop reads it.
                self.add(KeepAlive(seq))
                self.assign_to(target, byte)
                return
            p = self.add(ElementAddr(data, counter, at.element, at, inbounds=False))
            # An aggregate loop variable refers to the element.
            self.assign_to(target, self.load_mem(p, at.element))

        self.loop(s, lambda: self.add(Compare("ult", counter, length)), bind,
                  lambda: self.assign(counter, self.add(IntOp("add", counter,
                                                               Integer(1, I64)))))

    def for_range(self, s: ast.For) -> None:
        """`for i in range(a, b, c)`, with Python's semantics: the bounds are
        evaluated once, and assigning to `i` in the body does not change
        the iteration.

        The loop must never step past the end of `i`'s type and wrap
        around into an endless loop (`range(u8(250), u8(255), 2)` ends at
        254).  How that is ensured depends on the step:

        - 1 or -1 (nearly every loop): a hidden counter of `i`'s type.  It
          stops at `stop`, so `counter + 1` cannot wrap, and LLVM is told
          so (`nsw` or `nuw`), which lets it vectorise and drop bounds
          checks.
        - another constant: the trip count is computed once, 128 bits wide,
          before the loop; an i64 counter counts it down while `i` steps in
          its own width.  Only the final, unused step can wrap.
        - a step known only at run time: the same, after checking that the
          step is not zero."""
        it: ast.Call = s.iter  # type: ignore[assignment]
        t: IntType = s.target.ty  # type: ignore[attr-defined]
        step_const = getattr(it.args[2], "const", None) if len(it.args) == 3 else 1
        if step_const in (1, -1):
            self.range_unit_step(s, it, t, step_const)
        else:
            self.range_counted(s, it, t, step_const)

    def loop(self, s: ast.For | ast.While, more: Callable[[], Value],
             bind: Callable[[], None], step: Callable[[], None],
             head: BasicBlock | None = None, entered: bool = False) -> None:
        """The shape of every loop, with Python's `else` clause:

            head:  if more() goto body else goto else
            body:  bind(); <body>; goto step      (continue -> step)
            step:  step(); goto head
            else:  <orelse>; goto end             (break -> end)

        `bind()` assigns a for loop's variable at the start of the body, so
        that after the loop it keeps the last value, as in Python.  `head`,
        when given, is the head block, made in advance; when `entered`,
        the loop is entered only by jumps made elsewhere to it (the second
        copy of a scan loop), not from the active block."""
        head = head or self.new_block("for.head")
        body = self.new_block("for.body")
        inc = self.new_block("for.step")
        other = self.new_block("for.else")
        end = self.new_block("for.end")
        if not entered:
            self.goto(head)
        self.activate(head)
        self.branch(more(), body, other)
        self.activate(body)
        bind()
        self.loop_body(s, inc, end)
        self.activate(inc)
        step()
        self.goto(head)
        self.loop_else(s, other, end)

    def loop_body(self, s: ast.For | ast.While | ast.AsyncFor, cont: BasicBlock,
                  end: BasicBlock) -> None:
        """A loop's body, in the active block: `continue` goes to `cont`
        (as does the end of the body), `break` to `end`."""
        self.loops.append((cont, end, len(self.cleanups)))
        self.body(s.body)
        self.loops.pop()
        if not self.terminated:
            self.goto(cont)

    def loop_else(self, s: ast.For | ast.While | ast.AsyncFor, other: BasicBlock,
                  end: BasicBlock) -> None:
        """A loop's `else` clause in `other`, then `end` made the active block."""
        self.activate(other)
        self.body(s.orelse)
        if not self.terminated:
            self.goto(end)
        self.activate(end)

    def range_bounds(self, it: ast.Call, t: IntType) -> tuple[Value, Value]:
        """`start` and `stop`, each as a value that the loop cannot change."""
        if len(it.args) == 1:
            return Integer(0, t), self.kept(self.expr(it.args[0]), "range.stop")
        start = self.kept(self.expr(it.args[0]), "range.start")
        return start, self.kept(self.expr(it.args[1]), "range.stop")

    def bind_range(self, s: ast.For, value: Value, start: Value, stop: Value,
                   sign: int) -> None:
        """Assign the loop variable and record the range it lies in, for
        the bounds pass (pythos/ir/passes/bounds.py)."""
        self.assign_to(s.target, value)
        bind = self.block.ops[-1]
        if isinstance(bind, Assign) and bind.src is value:
            self.ir.range_loops.append(RangeLoop(bind, start, stop, sign))

    def versioned(self, s: ast.For, t: IntType, start: Value, stop: Value,
                  build_loop: Callable[[], None]) -> None:
        """Build a range loop whose body indexes arrays with the loop
        variable (`a[i]`, `a[i + 1]`, `a[i - 1]`) twice, behind a test made
        once before it.  If every index is valid when the variable lies in
        [lo, hi) (`indexed_window`), then when `start` is in [lo, hi) and
        `stop` in [lo - 1, hi] every value the variable takes is such,
        whichever the step, and the bounds pass removes those checks from
        the first copy; otherwise the second copy, with every check, runs.
        Both copies are the same source, so the program does the same
        thing either way; only checks that cannot fail are gone.  Only
        innermost loops are copied, so the code grows at most twofold."""
        window = self.indexed_window(s)
        if window is None:
            build_loop()
            return
        lo, hi = window
        conds = [("ge", start, lo), ("lt", start, hi), ("le", stop, hi), ("ge", stop, lo - 1)]
        tests: list[Compare] = []
        for op, v, c in conds:
            if not t.min <= c <= t.max:
                # Compared with a constant outside the type: always or never.
                if (c < t.min) != (op == "ge"):
                    build_loop()  # the fast copy could never run
                    return
                continue
            if isinstance(v, Integer):
                if not COMPARE_CONST[op](v.value, c):
                    build_loop()
                    return
                continue
            tests.append(Compare(("s" if t.signed else "u") + op, v, Integer(c, t)))
        if not tests:  # constant bounds: the pass proves it without a copy
            build_loop()
            return
        self.two_copies(tests, build_loop, "range")

    def two_copies(self, tests: list[Compare], build_loop: Callable[[], None],
                   kind: str) -> None:
        """`build_loop()` twice: the first copy runs when every test holds
        (made in turn, once, before the loop), the second otherwise."""
        fast = self.new_block(f"{kind}.inbounds")
        slow = self.new_block(f"{kind}.checked")
        join = self.new_block(f"{kind}.end")
        for k, test in enumerate(tests):
            self.add(test)
            nxt = fast
            if k < len(tests) - 1:
                nxt = self.new_block(f"{kind}.guard")
            self.branch(test, nxt, slow, likely=True)
            self.activate(nxt)
        # Values cached while building (print's arguments) belong to one copy.
        cached, pos = dict(self.evaluated), self.pos
        for copy in (fast, slow):
            self.activate(copy)
            self.pos = pos
            self.evaluated.clear()
            self.evaluated.update(cached)
            build_loop()
            if not self.terminated:
                self.goto(join)
        self.activate(join)

    def indexed_window(self, s: ast.For) -> tuple[int, int] | None:
        """For an innermost loop whose body indexes arrays with the loop
        variable plus or minus a constant, the values [lo, hi) of the
        variable for which all those indexes are valid; None if there are
        none, or the body contains a loop."""
        if not isinstance(s.target, ast.Name):
            return None
        name = s.target.id
        lo, hi, found = -(1 << 64), 1 << 64, False
        for stmt in s.body:
            for node in ast.walk(stmt):
                if isinstance(node, (ast.For, ast.While)):
                    return None
                if not (isinstance(node, ast.Subscript)
                        and getattr(node, "sub", None) == "array"):
                    continue
                offset = variable_offset(node.slice, name)
                if offset is not None:
                    length = node.value.ty.length  # type: ignore[attr-defined]
                    lo, hi, found = max(lo, -offset), min(hi, length - offset), True
        return (lo, hi) if found and lo < hi else None

    def range_unit_step(self, s: ast.For, it: ast.Call, t: IntType, step: int) -> None:
        start, stop = self.range_bounds(it, t)
        order = ("s" if t.signed else "u") + ("lt" if step > 0 else "gt")
        flags = ("nsw",) if t.signed else ("nuw",)

        def build_loop() -> None:
            counter = self.hidden("range.counter", t)
            self.assign(counter, start)

            def advance() -> None:
                self.assign(counter, self.add(IntOp("add" if step > 0 else "sub", counter,
                                                    Integer(1, t), flags)))
            self.loop(s, lambda: self.add(Compare(order, counter, stop)),
                      lambda: self.bind_range(s, counter, start, stop, step), advance)
        self.versioned(s, t, start, stop, build_loop)

    def range_counted(self, s: ast.For, it: ast.Call, t: IntType, step: int | None) -> None:
        start, stop = self.range_bounds(it, t)

        def widen(v: Value) -> Value:
            return self.add(Cast("sext" if t.signed else "zext", v, I128))  # type: ignore
        lo, hi = widen(start), widen(stop)
        step_value: Value
        if step is None:
            step_value = self.kept(self.expr(it.args[2]), "range.step")
            self.check(self.add(Compare("ne", step_value, Integer(0, t))),
                       lambda: self.panic_message(s, "range() arg 3 must not be zero"))
            wide_step = widen(step_value)
        else:
            step_value = Integer(t.wrap(step), t)
            wide_step = Integer(step, I128)
        # trips = ceil((stop - start) / step), or 0.  The distance between
        # two values of one 64-bit type fits in 64 unsigned bits, so the
        # division is a plain 64-bit one (no 128-bit library call).
        zero = Integer(0, I128)
        up = self.add(Compare("sgt", wide_step, zero))
        distance = self.add(Select(up, self.int_op("sub", hi, lo), self.int_op("sub", lo, hi)))
        magnitude = self.add(Cast("trunc", self.add(
            Select(up, wide_step, self.int_op("sub", zero, wide_step))), I64))
        positive = self.add(Compare("sgt", distance, zero))
        distance64 = self.add(Cast("trunc", self.add(Select(positive, distance, zero)), I64))
        quotient = self.int_op("udiv", distance64, magnitude)
        partial = self.add(Compare("ne", self.int_op("urem", distance64, magnitude),
                                   Integer(0, I64)))
        trips = self.int_op("add", quotient, self.add(Cast("zext", partial, I64)))
        sign = 0 if step is None else (1 if step > 0 else -1)

        def build_loop() -> None:
            remaining = self.hidden("range.remaining", I64)
            self.assign(remaining, trips)
            value = self.hidden("range.value", t)
            self.assign(value, start)

            def advance() -> None:
                self.assign(remaining, self.int_op("sub", remaining, Integer(1, I64)))
                self.assign(value, self.int_op("add", value, step_value))
            self.loop(s, lambda: self.add(Compare("ne", remaining, Integer(0, I64))),
                      lambda: self.bind_range(s, value, start, stop, sign), advance)
        self.versioned(s, t, start, stop, build_loop)

    def stmt_AnnAssign(self, s: ast.AnnAssign) -> None:
        if s.value is not None:
            self.assign_expr(s.target, s.value)

    def stmt_Assign(self, s: ast.Assign) -> None:
        if getattr(s, "parallel", False):
            # `a, b = b, a`: every value first (a variable's as it is now),
            # then the targets from left to right, as CPython does.
            assert isinstance(s.value, ast.Tuple) and isinstance(s.targets[0], ast.Tuple)
            values = [self.kept(self.expr(e), "unpack") for e in s.value.elts]
            for target, v in zip(s.targets[0].elts, values, strict=True):
                self.store_value(target, v)
            return
        if len(s.targets) == 1:
            self.assign_expr(s.targets[0], s.value)
            return
        # `a = b = value`: the value once, then each target left to right
        # (the checker allows only scalars here).
        self.evaluated[id(s.value)] = self.expr(s.value)
        for target in s.targets:
            # A constant value has a copy typed for each target.
            self.assign_expr(target, getattr(target, "chained_value", s.value))
        del self.evaluated[id(s.value)]

    def assign_expr(self, target: ast.expr, value: ast.expr) -> None:
        if isinstance(target, (ast.Tuple, ast.List)):
            self.unpack(target, self.expr(value), value.ty)  # type: ignore[attr-defined]
            return
        t: T.Type = target.ty if hasattr(target, "ty") else value.ty  # type: ignore
        if isinstance(target, ast.Name):
            sym = target.sym  # type: ignore[attr-defined]
            if t.is_aggregate and not (isinstance(sym, Local) and sym.kind == "ref"):
                self.add(CopyMem(self.address(target), self.expr(value), t))
                return
            self.assign_to(target, self.expr(value))
            return
        v = self.expr(value)
        if isinstance(target, ast.Attribute) and getattr(target, "field", (None,))[0] == "object":
            self.assign_field(target, v)
            return
        if isinstance(target, ast.Subscript) and T.is_object(
                target.value.ty):  # type: ignore[attr-defined]
            self.object_setitem(target, v)
            return
        dest = self.address(target)
        self.add(CopyMem(dest, v, t) if t.is_aggregate else Store(dest, v))

    def store_value(self, target: ast.expr, v: Value) -> None:
        """Assign an evaluated value to a target (a name, a field, an element)."""
        if isinstance(target, (ast.Tuple, ast.List)):
            self.unpack(target, v, v.type)
            return
        t: T.Type = target.ty  # type: ignore[attr-defined]
        if isinstance(target, ast.Name):
            sym = target.sym  # type: ignore[attr-defined]
            if t.is_aggregate and not (isinstance(sym, Local) and sym.kind == "ref"):
                self.add(CopyMem(self.address(target), v, t))
                return
            self.assign_to(target, v)
            return
        if isinstance(target, ast.Attribute) and getattr(target, "field", (None,))[0] == "object":
            self.assign_field(target, v)
            return
        if isinstance(target, ast.Subscript) and T.is_object(
                target.value.ty):  # type: ignore[attr-defined]
            self.object_setitem(target, v)
            return
        dest = self.address(target)
        self.add(CopyMem(dest, v, t) if t.is_aggregate else Store(dest, v))

    def stmt_AugAssign(self, s: ast.AugAssign) -> None:
        t: IntType = s.ty  # type: ignore[attr-defined]
        sym = getattr(s.target, "sym", None)
        if getattr(s, "boxed_target", False):
            self.optional_augassign(s)  # an `int | None` narrowed to int (optional.py)
            return
        if hasattr(s, "binop_method") or hasattr(s, "inplace_method"):
            instance_augassign(self, s)  # `m += n` by __iadd__ or __add__ (operators.py)
            return
        if isinstance(t, T.SetType) and t.frozen:
            frozenset_augassign(self, s)  # a new frozenset (frozensets.py)
            return
        if isinstance(t, T.SetType):
            # `s |= t` changes the set in place (dicts.py).
            self.current = s
            self.set_augmented(s, s.op, self.expr(s.target), self.expr(s.value))
            return
        if isinstance(s.target, ast.Subscript) and isinstance(
                getattr(s.target.value, "ty", None), T.DictType):
            self.dict_augmented(s)
            return
        if T.is_object(getattr(s.target, "ty", None)):
            self.list_augassign(s)
            return
        if isinstance(s.target, ast.Subscript) and T.is_object(
                getattr(s.target.value, "ty", None)):
            self.item_augassign(s)
            return
        if isinstance(sym, Local) and sym in self.cells:
            self.current = s
            old = self.read_variable(s.target, sym)  # type: ignore[arg-type]
            self.write_cell(sym, self.binop(s, s.op, old, self.expr(s.value), t, s.value))
            return
        if isinstance(sym, Local):
            reg = self.registers[sym]
            self.current = s
            self.assign(reg, self.binop(s, s.op, reg, self.expr(s.value), t, s.value))
            return
        if isinstance(s.target, ast.Attribute) and \
                getattr(s.target, "field", (None,))[0] == "object":
            # obj.field op= value: the object once, then load, compute, store.
            obj = self.expr(s.target.value)
            ct = s.target.field[1]  # type: ignore[attr-defined]
            owner = self.field_owner(ct, s.target.attr)
            old = self.add(GetAttr(obj, owner, s.target.attr))
            self.current = s
            new = self.binop(s, s.op, old, self.expr(s.value), t, s.value)
            self.add(SetAttr(obj, owner, s.target.attr, new))
            return
        dest = self.address(s.target)
        old = self.load_mem(dest, t)
        self.current = s
        new = self.binop(s, s.op, old, self.expr(s.value), t, s.value)
        self.add(Store(dest, new))

    def assign_to(self, target: ast.expr, value: Value) -> None:
        """Store `value` in a variable: a register, or a global (or in
        several, unpacked: `for kind, name in rows`)."""
        if isinstance(target, (ast.Tuple, ast.List)):
            self.unpack(target, value, value.type)
            return
        sym = target.sym  # type: ignore[attr-defined]
        if isinstance(sym, Local) and self.write_cell(sym, value):
            return
        if isinstance(sym, Local):
            reg = self.registers[sym]
            if reg.kind == "owner":
                self.add(CopyMem(reg, value, reg.type))
            else:
                self.assign(reg, value)
                self.keep_generator(sym, reg)  # generators.py
            return
        self.add(Store(self.address(target), value))


def remove_unreachable(fn: FuncIR) -> None:
    """Drop the blocks no path from the entry reaches (code after a
    `return`, the join after an `if` whose branches both return)."""
    seen = {id(fn.blocks[0])}
    work = [fn.blocks[0]]
    while work:
        for nxt in successors(work.pop()):
            if id(nxt) not in seen:
                seen.add(id(nxt))
                work.append(nxt)
    if len(seen) != len(fn.blocks):
        fn.blocks = [b for b in fn.blocks if id(b) in seen]


# ----- the module ----------------------------------------------------------------------
def const_init(node: ast.expr | None, t: T.Type) -> object:
    """The initial value of a global (checked to be constant), in the form
    `GlobalIR.init` describes."""
    if isinstance(t, ArrayType) or node is None or (
            isinstance(node, ast.Constant) and node.value is None):
        return None  # zero bytes (None, for an object global)
    if isinstance(t, StructType):
        assert isinstance(node, ast.Call)
        bound = node.args_bound  # type: ignore[attr-defined]
        return {name: const_init(bound.get(name), ft) if name in bound else None
                for name, ft in t.fields.items()}
    value = node.const  # type: ignore[attr-defined]
    if t is BOOL:
        return bool(value)
    if t in (STR, BYTES):
        return value.encode("utf-8") if isinstance(value, str) else value
    assert isinstance(t, (IntType, PtrType))
    return int(value)


def main_site(entry: Any) -> tuple[str, int, str] | None:
    """Where the entry module calls main() (under `if __name__ ==
    "__main__":` or not), for the `<module>` line of a traceback."""
    for stmt in entry.tree.body:
        if isinstance(stmt, (ast.FunctionDef, ast.ClassDef)):
            continue
        for n in ast.walk(stmt):
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "main":
                lines = source_lines(entry.source)
                text = lines[n.lineno - 1].strip() if n.lineno <= len(lines) else ""
                return shown_path(entry.path), n.lineno, text
    return None


def build(checker: Any, freestanding: bool, external: frozenset[str] = frozenset(),
          exported: frozenset[str] = frozenset()) -> ModuleIR:
    """The IR of the whole checked program.  The functions of the modules in
    `external` are only declared (a precompiled runtime defines them); when
    `exported` is given, only its modules' functions are defined."""
    module = ModuleIR(checker.program.entry.name, external_modules=external,
                      exported_modules=exported)
    # A global set by its module's initialiser starts as zero bytes.
    module.globals = [GlobalIR(g, None if g.dynamic else const_init(g.init, g.type))
                      for g in checker.globals]
    strings: dict[tuple[bytes, bool], StrConst] = {}
    tuples: dict[Any, TupleConst] = {}
    module.structs = [s.type for s in checker.structs]
    # Definitions first, so that an @extern declaration of a symbol the
    # program also defines (the kernel's console hooks) binds to it.
    module.declarations = sorted(checker.functions, key=lambda f: f.extern)
    if any(fn.interrupt for fn in checker.functions):
        module.interrupt_frame = checker.interrupt_frame_type()
    module.runtime = {name: sym for name, sym in checker.scopes[RT].items()
                      if isinstance(sym, FuncSym)}
    if OBJECT_RT in checker.scopes:
        # The object runtime's entry points, and the layouts of the classes.
        for name in [m for m in OBJECT_RT_MODULES if m in checker.scopes]:
            module.object_runtime.update({n: sym for n, sym in checker.scopes[name].items()
                                          if isinstance(sym, FuncSym)})
        if DICT_RT in checker.scopes:  # what ir/passes/dictslots.py calls
            module.object_runtime.update({n: checker.scopes[DICT_RT][n] for n in DICT_SLOT_FNS})
        for rt_module, names in KEY_HASH_FNS.items():
            if rt_module in checker.scopes:
                module.object_runtime.update({n: checker.scopes[rt_module][n] for n in names})
        module.typeinfo = checker.scopes[OBJECT_RT]["TypeInfo"].type
        module.str_type = checker.scopes[OBJECT_RT]["STR_TYPE"]
        module.classes = class_layouts([c.type for c in checker.classes])
        if "pythos.rt.obj.str" in checker.scopes:
            module.object_runtime["str_repr"] = checker.scopes["pythos.rt.obj.str"]["str_repr"]
            module.object_runtime["str_concat_owned"] = \
                checker.scopes["pythos.rt.obj.str"]["str_concat_owned"]  # ir/passes/strappend.py
            module.ascii_chars = checker.scopes["pythos.rt.obj.str"]["ascii_chars"]
        if "pythos.rt.obj.coroutine" in checker.scopes:  # a coroutine frame's clear calls it
            module.object_runtime["coro_never_awaited"] = \
                checker.scopes["pythos.rt.obj.coroutine"]["coro_never_awaited"]
        module.count_str = "obj_release" in module.object_runtime
    if not freestanding:
        main = checker.scopes[checker.program.entry.name].get("main")
        if not isinstance(main, FuncSym) or main.params or main.result is not NONE:
            raise CompileError("main() must take no parameters and return None",
                               checker.program.entry.loc(main.node)
                               if isinstance(main, FuncSym) and main.node else None)
        module.main = main
        # `main()` written at module level (not under `if __name__ ==
        # "__main__":`) runs where CPython runs it, in the module's
        # initialiser; the start code must not call it a second time.
        module.main_in_init = any(
            isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "main"
            for stmt in checker.program.entry.statements
            if not isinstance(stmt, (ast.FunctionDef, ast.ClassDef))
            for n in ast.walk(stmt))
        module.main_site = main_site(checker.program.entry)
    layouts = {id(lay.cls): lay for lay in module.classes}
    funcs = FuncValues()
    prepare_closures(checker.functions)

    def building(fn: FuncSym) -> bool:
        name = fn.module.name
        return not fn.extern and name not in external and (not exported or name in exported)

    def function_builder(fn: FuncSym) -> FunctionBuilder:
        checker.module = fn.module
        builder = FunctionBuilder(checker, fn, strings, layouts)
        builder.ir.count_str = module.count_str
        builder.object_runtime = module.object_runtime
        builder.funcs = funcs
        builder.tuples = tuples
        return builder

    for fn in checker.functions:
        if not building(fn):
            continue
        if fn.generator is not None:
            # A frame and a resume function (generators.py).
            resume = function_builder(fn).build_resume()
            remove_unreachable(resume)
            module.functions.append(resume)
            module.declarations.append(resume.sym)
            module.functions.append(function_builder(fn).build_creation(resume))
            continue
        module.functions.append(function_builder(fn).build())
    # The vtable slots' adapters to overrides that add parameters.
    adapters = vtable_adapters(module.classes, function_builder, building)
    module.functions.extend(adapters)
    module.declarations.extend(f.sym for f in adapters)
    # The thunks and lambdas the builders made (funcs.py).
    module.functions.extend(funcs.extra)
    module.declarations.extend(f.sym for f in funcs.extra)
    prune_checks(module.functions)  # exceptions.py: no tests after calls that cannot raise
    module.strings = list(strings.values())
    module_initialisation(module, checker)  # ir/build/modinit.py
    return module

