"""Stage 3, lower: turn the checked program into one LLVM IR module.

The checker has already typed every expression, so the lowering only
decides representation and control flow; it never infers a type.

Representation (see docs/language.md for the semantics):

    integers   iN values; bool is i1 in registers and i8 in memory
    str/bytes  {ptr, i64}: the address and length of constant data
    Ptr[T]     an LLVM `ptr`
    Array/struct  always handled through a pointer to their storage; a
               function returning one writes it through a hidden first
               (sret-style) parameter

Every local variable gets a stack slot allocated in the entry block, and
LLVM's mem2reg pass turns the slots into registers at -O1 and above.
Runtime checks (index, division, shift, chr) call cold panic functions in
the runtime (`pythos/rt/core.py`).
"""

from __future__ import annotations

import ast
from typing import Any

from llvmlite import ir

from .. import types as T
from ..check import Checker
from ..diagnostics import CompileError
from ..gcpause import paused_gc
from ..symbols import FuncSym, GlobalSym, Local
from ..target import Target
from ..types import BOOL, BYTES, NONE, STR, ArrayType, IntType, PtrType, StructType
from .debuginfo import DebugInfo
from .expr import Builder, ExprLowering, opaque_global

PTR = ir.PointerType()
I1, I8, I32, I64 = ir.IntType(1), ir.IntType(8), ir.IntType(32), ir.IntType(64)
SLICE = ir.LiteralStructType([PTR, I64])
RT = "pythos.rt.core"
RT_NOINLINE = {"flush", "write_str", "write_bytes", "write_char", "write_fill", "write_bool",
               "write_u64", "write_i64", "write_i64_spec", "write_int", "write_str_spec",
               "str_width", "str_eq", "bytes_eq", "panic_begin", "panic_end", "panic_index",
               "panic_msg", "exit_program"}


class Lowering(ExprLowering):
    def __init__(self, checker: Checker, target: Target, debug: bool = False,
                 optimized: bool = True) -> None:
        self.checker = checker
        self.target = target
        # A context of its own: struct type names must not clash with those
        # of an earlier compilation in the same process.
        self.module = ir.Module(name=checker.program.entry.name, context=ir.Context())
        self.module.triple = target.triple
        self.strings: dict[tuple[bytes, bool], ir.GlobalVariable] = {}
        self.pow_helpers: dict[str, ir.Function] = {}
        self.interrupt_handlers: list[tuple[str, str]] = []
        self.special_attrs: dict[str, list[str]] = {}
        self.fn: FuncSym | None = None
        # The builder and the entry-block alloca builder are set per function.
        self.builder: Builder
        self.alloca_builder: Builder
        # Each loop: (continue target, break target, depth of `cleanups` at
        # its start).  `cleanups` holds the __exit__ calls of the enclosing
        # with statements, innermost last.
        self.loops: list[tuple[ir.Block, ir.Block, int]] = []
        self.cleanups: list[tuple[FuncSym, ir.Value]] = []
        # DWARF metadata (pythos/lower/debuginfo.py), when compiling with -g.
        self.debug = DebugInfo(self.module, optimized) if debug else None

    # ----- types ---------------------------------------------------------------------
    def val_ty(self, t: T.Type) -> ir.Type:
        if isinstance(t, IntType):
            return ir.IntType(t.bits)
        if t is BOOL:
            return I1
        if t in (STR, BYTES):
            return SLICE
        if isinstance(t, PtrType) or t.is_aggregate:
            return PTR
        if t is NONE:
            return ir.VoidType()
        raise CompileError(f"internal: no LLVM type for {t}")

    def mem_ty(self, t: T.Type) -> ir.Type:
        if t is BOOL:
            return I8
        if isinstance(t, ArrayType):
            return ir.ArrayType(self.mem_ty(t.element), t.length)
        if isinstance(t, StructType):
            return self.struct_ty(t)
        return self.val_ty(t)

    def struct_ty(self, st: StructType) -> ir.Type:
        if st.llvm is None:
            lt = self.module.context.get_identified_type(st.qualname, packed=st.packed)
            st.llvm = lt
            lt.set_body(*[self.mem_ty(ft) for ft in st.fields.values()])
        return st.llvm

    # ----- module -----------------------------------------------------------------------
    def run(self) -> ir.Module:
        for g in self.checker.globals:
            self.declare_global(g)
        # Definitions first, so that an @extern declaration of a symbol the
        # program also defines (the kernel's console hooks) binds to it.
        for fn in sorted(self.checker.functions, key=lambda f: f.extern):
            self.declare_function(fn)
        for fn in self.checker.functions:
            if not fn.extern:
                self.define_function(fn)
        if not self.target.freestanding:
            self.define_start()
        if self.debug is not None:
            self.debug.finish()
        return self.module

    def declare_global(self, g: GlobalSym) -> None:
        ty = self.mem_ty(g.type)
        gv = ir.GlobalVariable(self.module, ty, g.link_name)
        gv.linkage = "internal"
        gv.initializer = self.const_init(g.init, g.type)
        g.llvm = opaque_global(gv)
        if self.debug is not None:
            self.debug.global_variable(g, gv)

    def const_init(self, node: ast.expr | None, t: T.Type) -> ir.Constant:
        """The constant initializer of a global (checked to be constant)."""
        if isinstance(t, ArrayType) or node is None:
            return ir.Constant(self.mem_ty(t), None)
        if isinstance(t, StructType):
            assert isinstance(node, ast.Call)
            bound = node.args_bound  # type: ignore[attr-defined]
            values = []
            for name, ft in t.fields.items():
                values.append(self.const_init(bound.get(name), ft) if name in bound
                              else ir.Constant(self.mem_ty(ft), None))
            return ir.Constant(self.mem_ty(t), values)
        value = node.const  # type: ignore[attr-defined]
        if t is BOOL:
            return ir.Constant(I8, int(bool(value)))
        if t in (STR, BYTES):
            return self.string_constant(value)
        if isinstance(t, PtrType):
            return ir.Constant(I64, value).inttoptr(PTR)
        return ir.Constant(self.mem_ty(t), value)

    def declare_function(self, fn: FuncSym) -> None:
        params = [self.val_ty(p.type) for p in fn.params]
        result = self.val_ty(fn.result)
        if fn.result.is_aggregate:
            params.insert(0, PTR)
            result = ir.VoidType()
        if fn.interrupt:
            params = [PTR] + ([I64] if len(fn.params) == 2 else [])
        fty = ir.FunctionType(result, params)
        existing = self.module.globals.get(fn.link_name)
        if existing is not None:
            if not fn.extern or not isinstance(existing, ir.Function) or \
                    existing.function_type != fty:
                raise CompileError(f"symbol '{fn.link_name}' is defined twice, or declared "
                                   f"with a different signature",
                                   fn.module.loc(fn.node) if fn.node else None)
            fn.llvm = existing
            return
        f = ir.Function(self.module, fty, fn.link_name)
        if not (fn.exported or fn.extern or fn.interrupt):
            f.linkage = "internal"
        if self.target.freestanding or fn.interrupt:
            f.attributes.add("noredzone")
        f.attributes.add("nounwind")
        if fn.interrupt:
            f.calling_convention = "x86_intrcc"
            frame = self.checker.interrupt_frame_type()
            self.interrupt_handlers.append((fn.link_name, str(self.struct_ty(frame))))
        if fn.module.name == "pythos.rt.core" and fn.name in RT_NOINLINE:
            # Inlining the output path at every print() multiplied code size
            # and compile time for no speed that matters.
            f.attributes.add("noinline")
            if fn.name.startswith("panic"):
                f.attributes.add("cold")
        if fn.link_name in ("memcpy", "memset", "memmove", "memcmp"):
            # LLVM recognises these loops and would turn them into calls to
            # themselves; "no-builtins" forbids that.
            self.special_attrs.setdefault(fn.link_name, []).append('"no-builtins"')
        fn.llvm = f

    def define_start(self) -> None:
        """`pythos_start`, called by the Linux `_start`: run main, then flush
        output and exit."""
        entry_scope = self.checker.scopes[self.checker.program.entry.name]
        main = entry_scope["main"]
        if not isinstance(main, FuncSym) or main.params or main.result is not NONE:
            raise CompileError("main() must take no parameters and return None",
                               self.checker.program.entry.loc(main.node)
                               if isinstance(main, FuncSym) and main.node else None)
        f = ir.Function(self.module, ir.FunctionType(ir.VoidType(), []), "pythos_start")
        b = Builder(f.append_basic_block("entry"))
        b.call(self.rt("catch_faults").llvm, [])
        b.call(main.llvm, [])
        b.call(self.rt("exit_program").llvm, [])
        b.unreachable()

    def rt(self, name: str) -> FuncSym:
        sym = self.checker.scopes[RT].get(name)
        assert isinstance(sym, FuncSym), name
        return sym

    # ----- functions -------------------------------------------------------------------
    def define_function(self, fn: FuncSym) -> None:
        self.fn = fn
        self.checker.module = fn.module
        f: ir.Function = fn.llvm  # type: ignore[assignment]
        self.entry = f.append_basic_block("entry")
        body = f.append_basic_block("body")
        self.alloca_builder = Builder(self.entry)
        self.builder = Builder(body)
        self.temps: dict[int, ir.Value] = {}
        self.evaluated: dict[int, ir.Value] = {}
        args = list(f.args)
        self.sret = args.pop(0) if fn.result.is_aggregate else None
        assert fn.node is not None
        if self.debug is not None:
            # The parameters' stores get no line of their own: the function's
            # prologue then ends at its first statement, where gdb's
            # `break function` stops with the parameters in place.
            self.debug.begin_function(fn, f)
        for p, arg in zip(fn.params, args, strict=False):
            var = fn.locals[p.name]
            arg.name = p.name
            self.make_slot(var)
            if var.kind == "ref":
                self.builder.store(arg, var.slot)
            else:
                self.store_mem(var.slot, arg, p.type)
        for var in fn.locals.values():
            if var.slot is None:
                self.make_slot(var)
        if self.debug is not None:
            self.declare_locals(fn)
        try:
            self.block(fn.node.body)
        except CompileError:
            raise
        except Exception as e:  # a compiler bug: report where it happened
            raise CompileError(f"internal compiler error: {type(e).__name__}: {e}",
                               fn.module.loc(self.current or fn.node), kind="error") from e
        if not self.builder.block.is_terminated:
            if fn.result is NONE:
                self.builder.ret_void()
            else:
                self.builder.unreachable()
        self.alloca_builder.branch(body)
        self.fn = None
        if self.debug is not None:
            self.debug.end_function()

    def declare_locals(self, fn: FuncSym) -> None:
        """Tell the debugger where each local and parameter lives."""
        assert self.debug is not None and fn.node is not None
        params = [p.name for p in fn.params]
        for var in fn.locals.values():
            number = params.index(var.name) + 1 if var.name in params else 0
            self.debug.declare_local(self.alloca_builder, fn, var, fn.node, number)

    current: ast.AST | None = None

    def make_slot(self, var: Local) -> None:
        # Scalars and owned aggregates live in a slot of their memory type;
        # a reference is a pointer slot.
        ty = PTR if var.kind == "ref" else self.mem_ty(var.type)
        var.slot = self.alloca(ty, var.name)

    def alloca(self, ty: ir.Type, name: str = "") -> ir.Value:
        return self.alloca_builder.alloca(ty, name=name)

    # ----- statements ----------------------------------------------------------------
    def block(self, body: list[ast.stmt]) -> None:
        for s in body:
            if self.builder.block.is_terminated:
                # Code after return/break is unreachable; give it a block of
                # its own so the IR stays well formed.
                self.builder.position_at_end(self.builder.append_basic_block("dead"))
            self.current = s
            if self.debug is not None:
                self.builder.debug_metadata = self.debug.location(s)
            getattr(self, "stmt_" + type(s).__name__)(s)

    def stmt_Pass(self, s: ast.Pass) -> None:
        pass

    stmt_Global = stmt_Pass

    def stmt_Expr(self, s: ast.Expr) -> None:
        if isinstance(s.value, ast.Constant):
            return
        self.expr(s.value)

    def run_cleanups(self, down_to: int) -> None:
        for exit_fn, receiver in reversed(self.cleanups[down_to:]):
            self.builder.call(exit_fn.llvm, [receiver])

    def stmt_With(self, s: ast.With) -> None:
        depth = len(self.cleanups)
        for item in s.items:
            receiver = self.expr(item.context_expr)
            entered = self.builder.call(item.enter.llvm, [receiver])  # type: ignore
            if item.optional_vars is not None:
                var = item.optional_vars.sym  # type: ignore[attr-defined]
                if var.kind == "ref":
                    self.builder.store(entered, var.slot)
                else:
                    self.store_mem(var.slot, entered, var.type)
            self.cleanups.append((item.exit, receiver))  # type: ignore[attr-defined]
        self.block(s.body)
        if not self.builder.block.is_terminated:
            self.run_cleanups(depth)
        del self.cleanups[depth:]

    def stmt_Return(self, s: ast.Return) -> None:
        assert self.fn is not None
        # The value is computed before the with statements are left.
        if s.value is None:
            self.run_cleanups(0)
            self.builder.ret_void()
        elif self.fn.result.is_aggregate:
            src = self.expr(s.value)
            self.copy(self.sret, src, self.fn.result)
            self.run_cleanups(0)
            self.builder.ret_void()
        else:
            value = self.expr(s.value)
            self.run_cleanups(0)
            self.builder.ret(value)

    def stmt_Assert(self, s: ast.Assert) -> None:
        cond = self.truth(s.test)
        fail = self.builder.append_basic_block("assert.fail")
        ok = self.builder.append_basic_block("assert.ok")
        self.builder.cbranch(cond, ok, fail)
        self.builder.position_at_end(fail)
        if s.msg is not None:
            self.evaluate_text_args([s.msg])
        self.panic_begin(s)
        if s.msg is None:
            self.write_const_str("assertion failed")
        else:
            self.write_text(s.msg)
        self.panic_end()
        self.builder.position_at_end(ok)

    def stmt_If(self, s: ast.If) -> None:
        cond = self.truth(s.test)
        then = self.builder.append_basic_block("if.then")
        other = self.builder.append_basic_block("if.else")
        end = self.builder.append_basic_block("if.end")
        self.builder.cbranch(cond, then, other)
        self.builder.position_at_end(then)
        self.block(s.body)
        if not self.builder.block.is_terminated:
            self.builder.branch(end)
        self.builder.position_at_end(other)
        self.block(s.orelse)
        if not self.builder.block.is_terminated:
            self.builder.branch(end)
        self.builder.position_at_end(end)

    def stmt_While(self, s: ast.While) -> None:
        self.emit_loop(s, lambda: self.truth(s.test), lambda: None, lambda: None)

    def stmt_Break(self, s: ast.Break) -> None:
        self.run_cleanups(self.loops[-1][2])
        self.builder.branch(self.loops[-1][1])

    def stmt_Continue(self, s: ast.Continue) -> None:
        self.run_cleanups(self.loops[-1][2])
        self.builder.branch(self.loops[-1][0])

    def stmt_For(self, s: ast.For) -> None:
        kind = s.kind  # type: ignore[attr-defined]
        target = s.target
        var = target.sym  # type: ignore[attr-defined]
        b = self.builder
        if kind == "range":
            self.for_range(s, var)
            return
        # Iterating over bytes or an array walks an index from 0 to len.
        if kind == "bytes":
            seq = self.expr(s.iter)
            data = b.extract_value(seq, 0)
            length = b.extract_value(seq, 1)
        else:
            at: ArrayType = s.iter.ty  # type: ignore[attr-defined]
            data = self.expr(s.iter)
            length = ir.Constant(I64, at.length)
        counter = self.alloca(I64, "for.index")
        b.store(ir.Constant(I64, 0), counter)

        def bind() -> None:
            i = b.load(counter)
            if kind == "bytes":
                self.store_var(target, b.load(b.gep(data, [i], source_etype=I8), typ=I8))
                return
            p = b.gep(data, [ir.Constant(I64, 0), i], source_etype=self.mem_ty(at))
            if at.element.is_aggregate:
                b.store(p, var.slot)  # the loop variable refers to the element
            else:
                self.store_var(target, self.load_mem(p, at.element))

        self.emit_loop(s, lambda: b.icmp_unsigned("<", b.load(counter), length), bind,
                       lambda: b.store(b.add(b.load(counter), ir.Constant(I64, 1)), counter))

    def for_range(self, s: ast.For, var: Any) -> None:
        """`for i in range(a, b, c)`, with Python's semantics: the bounds are
        evaluated once, and assigning to `i` in the body does not change
        the iteration.

        The loop must never step past the end of `i`'s type and wrap
        around into an endless loop (`range(u8(250), u8(255), 2)` ends at
        254).  How that is ensured depends on the step:

        - 1 or -1 (nearly every loop): `i` itself is the counter.  It stops
          at `stop`, so `i + 1` cannot wrap, and LLVM is told so (`nsw` or
          `nuw`), which lets it vectorise and drop bounds checks.
        - another constant: the trip count is computed once, 128 bits wide,
          before the loop; an i64 counter counts it down while `i` steps in
          its own width.  Only the final, unused step can wrap.
        - a step known only at run time: a 128-bit counter, compared
          according to the step's sign."""
        it: ast.Call = s.iter  # type: ignore[assignment]
        t: IntType = s.target.ty  # type: ignore[attr-defined]
        step_const = it.args[2].const if len(it.args) == 3 else 1  # type: ignore[attr-defined]
        if step_const in (1, -1):
            self.range_unit_step(s, it, t, step_const)
        else:
            self.range_counted(s, it, t, step_const)

    def emit_loop(self, s: ast.For | ast.While, more: Any, bind: Any, step: Any) -> None:
        """The shape of every loop, with Python's `else` clause:

            head:  if more() goto body else goto else
            body:  bind(); <body>; goto step      (continue -> step)
            step:  step(); goto head
            else:  <orelse>; goto end             (break -> end)

        `bind()` assigns a for loop's variable at the start of the body, so
        that after the loop it keeps the last value, as in Python."""
        b = self.builder
        head = b.append_basic_block("for.head")
        body = b.append_basic_block("for.body")
        inc = b.append_basic_block("for.step")
        other = b.append_basic_block("for.else")
        end = b.append_basic_block("for.end")
        b.branch(head)
        b.position_at_end(head)
        b.cbranch(more(), body, other)
        b.position_at_end(body)
        bind()
        self.loops.append((inc, end, len(self.cleanups)))
        self.block(s.body)
        self.loops.pop()
        if not self.builder.block.is_terminated:
            self.builder.branch(inc)
        b.position_at_end(inc)
        step()
        b.branch(head)
        b.position_at_end(other)
        self.block(s.orelse)
        if not self.builder.block.is_terminated:
            self.builder.branch(end)
        b.position_at_end(end)

    def range_bounds(self, it: ast.Call, ty: ir.Type) -> tuple[ir.Value, ir.Value]:
        args = [self.expr(a) for a in it.args[:2]]
        return (ir.Constant(ty, 0), args[0]) if len(args) == 1 else (args[0], args[1])

    def range_unit_step(self, s: ast.For, it: ast.Call, t: IntType, step: int) -> None:
        b = self.builder
        ct = ir.IntType(t.bits)
        start, stop = self.range_bounds(it, ct)
        compare = b.icmp_signed if t.signed else b.icmp_unsigned
        counter = self.alloca(ct, "range.counter")
        b.store(start, counter)

        def more() -> ir.Value:
            return compare("<" if step > 0 else ">", b.load(counter), stop)

        def bind() -> None:
            self.store_var(s.target, b.load(counter))

        def advance() -> None:
            one = ir.Constant(ct, 1)
            current = b.load(counter)
            nxt = b.add(current, one) if step > 0 else b.sub(current, one)
            nxt.flags = ["nsw"] if t.signed else ["nuw"]
            b.store(nxt, counter)
        self.emit_loop(s, more, bind, advance)

    def range_counted(self, s: ast.For, it: ast.Call, t: IntType, step: int | None) -> None:
        b = self.builder
        ct = ir.IntType(t.bits)
        wide = ir.IntType(128)
        start, stop = self.range_bounds(it, ct)

        def widen(v: ir.Value) -> ir.Value:
            return b.sext(v, wide) if t.signed else b.zext(v, wide)
        lo, hi = widen(start), widen(stop)
        if step is None:
            step_value = self.expr(it.args[2])
            with b.if_then(b.icmp_signed("==", step_value, ir.Constant(ct, 0)), likely=False):
                self.panic_message(s, "range() arg 3 must not be zero")
            wide_step = widen(step_value)
        else:
            step_value = ir.Constant(ct, t.wrap(step))
            wide_step = ir.Constant(wide, step)
        # trips = ceil((stop - start) / step), or 0.  The distance between
        # two values of one 64-bit type fits in 64 unsigned bits, so the
        # division is a plain 64-bit one (no 128-bit library call).
        zero = ir.Constant(wide, 0)
        up = b.icmp_signed(">", wide_step, zero)
        distance = b.select(up, b.sub(hi, lo), b.sub(lo, hi))
        magnitude = b.trunc(b.select(up, wide_step, b.sub(zero, wide_step)), I64)
        positive = b.icmp_signed(">", distance, zero)
        distance64 = b.trunc(b.select(positive, distance, zero), I64)
        quotient = b.udiv(distance64, magnitude)
        partial = b.icmp_unsigned("!=", b.urem(distance64, magnitude), ir.Constant(I64, 0))
        trips = b.add(quotient, b.zext(partial, I64))
        remaining = self.alloca(I64, "range.remaining")
        b.store(trips, remaining)
        value = self.alloca(ct, "range.value")
        b.store(start, value)

        def more() -> ir.Value:
            return b.icmp_unsigned("!=", b.load(remaining), ir.Constant(I64, 0))

        def bind() -> None:
            self.store_var(s.target, b.load(value))

        def advance() -> None:
            b.store(b.sub(b.load(remaining), ir.Constant(I64, 1)), remaining)
            b.store(b.add(b.load(value), step_value), value)
        self.emit_loop(s, more, bind, advance)

    def stmt_AnnAssign(self, s: ast.AnnAssign) -> None:
        if s.value is not None:
            self.assign(s.target, s.value)

    def stmt_Assign(self, s: ast.Assign) -> None:
        if len(s.targets) == 1:
            self.assign(s.targets[0], s.value)
            return
        # `a = b = value`: the value once, then each target left to right
        # (the checker allows only scalars here).
        self.evaluated[id(s.value)] = self.expr(s.value)
        for target in s.targets:
            # A constant value has a copy typed for each target.
            self.assign(target, getattr(target, "chained_value", s.value))
        del self.evaluated[id(s.value)]

    def assign(self, target: ast.expr, value: ast.expr) -> None:
        t: T.Type = target.ty if hasattr(target, "ty") else value.ty  # type: ignore
        if isinstance(target, ast.Name):
            sym = target.sym  # type: ignore[attr-defined]
            if isinstance(sym, Local) and sym.kind == "ref":
                self.builder.store(self.expr(value), sym.slot)
                return
            if t.is_aggregate:
                self.copy(self.address(target), self.expr(value), t)
                return
            self.store_var(target, self.expr(value))
            return
        v = self.expr(value)
        dest = self.address(target)
        if t.is_aggregate:
            self.copy(dest, v, t)
        else:
            self.store_mem(dest, v, t)

    def stmt_AugAssign(self, s: ast.AugAssign) -> None:
        t: IntType = s.ty  # type: ignore[attr-defined]
        dest = self.address(s.target)
        old = self.load_mem(dest, t)
        self.current = s
        new = self.binop(s, s.op, old, self.expr(s.value), t, s.value)
        self.store_mem(dest, new, t)

    def store_var(self, target: ast.expr, value: ir.Value) -> None:
        sym = target.sym  # type: ignore[attr-defined]
        self.store_mem(self.address(target), value, sym.type)


def lower(checker: Checker, target: Target, debug: bool = False,
          optimized: bool = True) -> Lowering:
    low = Lowering(checker, target, debug, optimized)
    with paused_gc():
        low.run()
    return low
