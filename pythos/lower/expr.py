"""Lowering of expressions, calls and output (a mixin of `Lowering`).

Scalars lower to LLVM values; structs and arrays lower to a pointer to
their storage.  A "fresh" aggregate (a constructor, or a call returning a
struct) is built in a stack temporary owned by its AST node, allocated
once in the function's entry block.

Integer operators follow Python: `//` and `%` round toward negative
infinity, shifts by at least the width give CPython's masked answer, and
division by zero or a negative shift count panics.  These need a few extra
instructions, which LLVM removes again whenever it can prove them
unnecessary (a constant divisor, say).
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import TYPE_CHECKING, Any

from llvmlite import ir

from .. import types as T
from ..check.fmtspec import FormatSpec
from ..diagnostics import CompileError
from ..parse import PACKAGE_ROOT
from ..symbols import ConstSym, FuncSym, GlobalSym, Local
from ..types import BOOL, BYTES, NONE, STR, ArrayType, IntType, PtrType, StructType

if TYPE_CHECKING:
    from ..target import Target
    from .debuginfo import DebugInfo

PTR = ir.PointerType()
I1, I8, I32, I64 = ir.IntType(1), ir.IntType(8), ir.IntType(32), ir.IntType(64)
SLICE = ir.LiteralStructType([PTR, I64])


class Builder(ir.IRBuilder):
    """An IRBuilder whose pointers are all opaque `ptr`s.

    llvmlite still tracks typed pointers for allocas and GEPs and refuses a
    store whose pointee type disagrees, although LLVM itself has only opaque
    pointers; giving every address the opaque type avoids that mismatch."""

    def alloca(self, typ: ir.Type, size: Any = None, name: str = "") -> ir.Instruction:
        instr = super().alloca(typ, size, name)
        instr.type = PTR
        return instr

    def gep(self, ptr: ir.Value, indices: list[ir.Value], inbounds: bool = False,
            name: str = "", source_etype: ir.Type | None = None) -> ir.Instruction:
        instr = super().gep(ptr, indices, inbounds, name, source_etype)
        instr.type = PTR
        return instr


def opaque_global(gv: ir.GlobalVariable) -> ir.GlobalVariable:
    gv.type = PTR
    return gv


class VolatileLoad(ir.LoadInstr):
    """llvmlite has no volatile flag, so print the keyword ourselves."""

    def descr(self, buf: list[str]) -> None:
        inner: list[str] = []
        super().descr(inner)
        buf.append(inner[0].replace("load ", "load volatile ", 1))


class VolatileStore(ir.StoreInstr):
    def descr(self, buf: list[str]) -> None:
        inner: list[str] = []
        super().descr(inner)
        buf.append(inner[0].replace("store ", "store volatile ", 1))


CONTROL_REGISTER_READ = {"read_cr0": "cr0", "read_cr2": "cr2", "read_cr3": "cr3",
                         "read_cr4": "cr4"}
CONTROL_REGISTER_WRITE = {"write_cr0": "cr0", "write_cr3": "cr3", "write_cr4": "cr4"}
SIMPLE_ASM = {"cli": "cli", "sti": "sti", "hlt": "hlt", "sti_hlt": "sti; hlt", "int3": "int3",
              "pause": "pause"}


class ExprLowering:
    """Expression lowering; mixed into `lower.Lowering`, which provides the
    state and type helpers declared here."""

    builder: ir.IRBuilder
    fn: FuncSym | None
    module: ir.Module
    target: Target
    temps: dict[int, ir.Value]
    evaluated: dict[int, ir.Value]
    strings: dict[tuple[bytes, bool], ir.GlobalVariable]
    pow_helpers: dict[str, ir.Function]
    debug: DebugInfo | None

    if TYPE_CHECKING:
        def val_ty(self, t: T.Type) -> ir.Type: ...
        def mem_ty(self, t: T.Type) -> ir.Type: ...
        def struct_ty(self, st: StructType) -> ir.Type: ...
        def alloca(self, ty: ir.Type, name: str = "") -> ir.Value: ...
        def rt(self, name: str) -> FuncSym: ...

    # ----- memory helpers ---------------------------------------------------------
    def load_mem(self, p: ir.Value, t: T.Type) -> ir.Value:
        if t.is_aggregate:
            return p
        if t is BOOL:
            return self.builder.trunc(self.builder.load(p, typ=I8), I1)
        return self.builder.load(p, typ=self.val_ty(t))

    def store_mem(self, p: ir.Value, v: ir.Value, t: T.Type) -> None:
        if t is BOOL:
            v = self.builder.zext(v, I8)
        self.builder.store(v, p)

    def copy(self, dest: ir.Value, src: ir.Value, t: T.Type) -> None:
        """Copy an aggregate's bytes (a struct or array assignment)."""
        size = ir.Constant(I64, T.sizeof(t))
        memcpy = self.module.declare_intrinsic("llvm.memcpy", [PTR, PTR, I64])
        self.builder.call(memcpy, [dest, src, size, ir.Constant(I1, 0)])

    def zero(self, dest: ir.Value, t: T.Type) -> None:
        size = ir.Constant(I64, T.sizeof(t))
        memset = self.module.declare_intrinsic("llvm.memset", [PTR, I64])
        self.builder.call(memset, [dest, ir.Constant(I8, 0), size, ir.Constant(I1, 0)])

    def temp(self, node: ast.AST, t: T.Type) -> ir.Value:
        key = id(node)
        if key not in self.temps:
            self.temps[key] = self.alloca(self.mem_ty(t), "tmp")
        return self.temps[key]

    def string_constant(self, value: str | bytes) -> ir.Constant:
        data = value.encode("utf-8") if isinstance(value, str) else value
        key = (data, isinstance(value, str))
        gv = self.strings.get(key)
        if gv is None:
            ty = ir.ArrayType(I8, len(data))
            gv = ir.GlobalVariable(self.module, ty, f".str.{len(self.strings)}")
            gv.linkage = "private"
            gv.global_constant = True
            gv.unnamed_addr = True
            gv.initializer = ir.Constant(ty, bytearray(data))
            self.strings[key] = opaque_global(gv)
        return ir.Constant(SLICE, [gv, ir.Constant(I64, len(data))])

    # ----- expressions ------------------------------------------------------------------
    def expr(self, node: ast.expr) -> ir.Value:
        pre = self.evaluated.get(id(node))
        if pre is not None:
            return pre
        t: T.Type = node.ty  # type: ignore[attr-defined]
        const = getattr(node, "const", None)
        if const is not None and not t.is_aggregate:
            return self.constant(const, t)
        method = getattr(self, "expr_" + type(node).__name__)
        if self.debug is None:
            return method(node)
        # Instructions carry the location of the expression they compute.
        saved = self.builder.debug_metadata
        self.builder.debug_metadata = self.debug.location(node) or saved
        try:
            return method(node)  # type: ignore[no-any-return]
        finally:
            self.builder.debug_metadata = saved

    def constant(self, value: Any, t: T.Type) -> ir.Value:
        if t is BOOL:
            return ir.Constant(I1, int(bool(value)))
        if t in (STR, BYTES):
            return self.string_constant(value)
        if isinstance(t, IntType):
            return ir.Constant(ir.IntType(t.bits), int(value))
        if isinstance(t, PtrType):
            return ir.Constant(I64, int(value)).inttoptr(PTR)
        raise CompileError(f"internal: constant of type {t}")

    def expr_Name(self, node: ast.Name) -> ir.Value:
        sym = node.sym  # type: ignore[attr-defined]
        t: T.Type = node.ty  # type: ignore[attr-defined]
        if isinstance(sym, Local):
            if sym.kind == "owner":
                return sym.slot
            if sym.kind == "ref":
                return self.builder.load(sym.slot, typ=PTR)
            return self.load_mem(sym.slot, t)
        if isinstance(sym, GlobalSym):
            return self.load_mem(sym.llvm, t)
        raise CompileError(f"internal: cannot load {node.id}")

    def address(self, node: ast.expr) -> ir.Value:
        """The address of an assignable expression (for stores, augmented
        assignment and addr_of)."""
        b = self.builder
        if isinstance(node, ast.Name):
            sym = node.sym  # type: ignore[attr-defined]
            if isinstance(sym, Local):
                if sym.kind == "ref":
                    return b.load(sym.slot, typ=PTR)
                return sym.slot
            if isinstance(sym, GlobalSym):
                return sym.llvm
        if isinstance(node, ast.Attribute):
            kind = node.field  # type: ignore[attr-defined]
            if kind[0] == "global":
                return kind[1].llvm
            st: StructType = kind[1]
            base = self.expr(node.value)
            index = list(st.fields).index(node.attr)
            return b.gep(base, [ir.Constant(I32, 0), ir.Constant(I32, index)],
                         source_etype=self.struct_ty(st))
        if isinstance(node, ast.Subscript):
            return self.element_address(node)
        raise CompileError(f"internal: no address for {ast.unparse(node)}")

    def expr_Attribute(self, node: ast.Attribute) -> ir.Value:
        kind = getattr(node, "field", None)
        if kind is None:  # p.addr
            return self.builder.ptrtoint(self.expr(node.value), I64)
        return self.load_mem(self.address(node), node.ty)  # type: ignore[attr-defined]

    def element_address(self, node: ast.Subscript) -> ir.Value:
        b = self.builder
        kind = node.sub  # type: ignore[attr-defined]
        base_t = node.value.ty  # type: ignore[attr-defined]
        base = self.expr(node.value)
        index = self.expr(node.slice)
        it: IntType = node.slice.ty  # type: ignore[attr-defined]
        i64 = b.sext(index, I64) if it.signed and it.bits < 64 else (
            b.zext(index, I64) if it.bits < 64 else index)
        if kind == "ptr":
            return b.gep(base, [i64], source_etype=self.mem_ty(base_t.target))
        if kind == "array":
            length = ir.Constant(I64, base_t.length)
            data = base
            etype = self.mem_ty(base_t.element)
        else:  # bytes
            length = b.extract_value(base, 1)
            data = b.extract_value(base, 0)
            etype = I8
        original = i64
        if it.signed:
            # Python's negative indexes count from the end.
            neg = b.icmp_signed("<", i64, ir.Constant(I64, 0))
            i64 = b.select(neg, b.add(i64, length), i64)
        ok = b.icmp_unsigned("<", i64, length)
        with b.if_then(b.not_(ok), likely=False):
            self.call_rt("panic_index", [original, length, *self.location(node)])
            b.unreachable()
        if kind == "array":
            return b.gep(data, [ir.Constant(I64, 0), i64],
                         source_etype=self.mem_ty(base_t), inbounds=True)
        return b.gep(data, [i64], source_etype=etype, inbounds=True)

    def expr_Subscript(self, node: ast.Subscript) -> ir.Value:
        return self.load_mem(self.element_address(node), node.ty)  # type: ignore[attr-defined]

    # ----- operators -----------------------------------------------------------------
    def truth(self, node: ast.expr) -> ir.Value:
        if isinstance(node, ast.BoolOp) and getattr(node, "truth_only", False):
            return self.truth_boolop(node)
        return self.truth_value(self.expr(node), node.ty)  # type: ignore[attr-defined]

    def truth_value(self, v: ir.Value, t: T.Type) -> ir.Value:
        if t is BOOL:
            return v
        if isinstance(t, PtrType):
            return self.builder.icmp_unsigned("!=", v, ir.Constant(PTR, None))
        return self.builder.icmp_unsigned("!=", v, ir.Constant(v.type, 0))

    def expr_UnaryOp(self, node: ast.UnaryOp) -> ir.Value:
        b = self.builder
        if isinstance(node.op, ast.Not):
            return b.not_(self.truth(node.operand))
        v = self.expr(node.operand)
        if isinstance(node.op, ast.USub):
            return b.sub(ir.Constant(v.type, 0), v)
        if isinstance(node.op, ast.Invert):
            return b.not_(v)
        return v

    def expr_BinOp(self, node: ast.BinOp) -> ir.Value:
        t = node.ty  # type: ignore[attr-defined]
        if isinstance(t, PtrType):
            b = self.builder
            base = self.expr(node.left)
            off = self.expr(node.right)
            ot: IntType = node.right.ty  # type: ignore[attr-defined]
            off = b.sext(off, I64) if ot.signed and ot.bits < 64 else (
                b.zext(off, I64) if ot.bits < 64 else off)
            if isinstance(node.op, ast.Sub):
                off = b.neg(off)
            return b.gep(base, [off], source_etype=self.mem_ty(t.target))
        return self.binop(node, node.op, self.expr(node.left), self.expr(node.right), t,
                          node.right)

    def binop(self, node: ast.AST, op: ast.operator, a: ir.Value, b_: ir.Value,
              t: IntType, right: ast.expr) -> ir.Value:
        b = self.builder
        if isinstance(op, ast.Add):
            return b.add(a, b_)
        if isinstance(op, ast.Sub):
            return b.sub(a, b_)
        if isinstance(op, ast.Mult):
            return b.mul(a, b_)
        if isinstance(op, ast.BitAnd):
            return b.and_(a, b_)
        if isinstance(op, ast.BitOr):
            return b.or_(a, b_)
        if isinstance(op, ast.BitXor):
            return b.xor(a, b_)
        if isinstance(op, (ast.FloorDiv, ast.Mod)):
            return self.divmod(node, isinstance(op, ast.FloorDiv), a, b_, t)
        if isinstance(op, (ast.LShift, ast.RShift)):
            return self.shift(node, isinstance(op, ast.LShift), a, b_, t,
                              right.ty)  # type: ignore[attr-defined]
        if isinstance(op, ast.Pow):
            if t.signed:
                neg = b.icmp_signed("<", b_, ir.Constant(b_.type, 0))
                with b.if_then(neg, likely=False):
                    self.panic_message(node, "negative exponent")
            return b.call(self.pow_helper(t), [a, b_])
        raise CompileError(f"internal: operator {type(op).__name__}")

    def divmod(self, node: ast.AST, floor_div: bool, a: ir.Value, d: ir.Value,
               t: IntType) -> ir.Value:
        b = self.builder
        zero = ir.Constant(a.type, 0)
        with b.if_then(b.icmp_unsigned("==", d, zero), likely=False):
            self.panic_message(node, "integer division or modulo by zero")
        if not t.signed:
            return b.udiv(a, d) if floor_div else b.urem(a, d)
        # x86 traps on MIN / -1, and Python's answer is the wrapped -MIN
        # (quotient) or 0 (remainder); substitute a divisor of 1 there.
        minus_one = b.icmp_signed("==", d, ir.Constant(a.type, -1))
        safe_d = b.select(minus_one, ir.Constant(a.type, 1), d)
        q = b.sdiv(a, safe_d)
        r = b.srem(a, safe_d)
        # Round toward negative infinity: adjust when the remainder is
        # non-zero and its sign differs from the divisor's.
        adjust = b.and_(b.icmp_signed("!=", r, zero),
                        b.icmp_signed("!=", b.icmp_signed("<", r, zero),
                                      b.icmp_signed("<", safe_d, zero)))
        if floor_div:
            q = b.select(adjust, b.sub(q, ir.Constant(a.type, 1)), q)
            return b.select(minus_one, b.sub(zero, a), q)
        r = b.select(adjust, b.add(r, safe_d), r)
        return b.select(minus_one, zero, r)

    def shift(self, node: ast.AST, left: bool, a: ir.Value, count: ir.Value,
              t: IntType, count_t: IntType) -> ir.Value:
        b = self.builder
        if count_t.signed:
            with b.if_then(b.icmp_signed("<", count, ir.Constant(count.type, 0)), likely=False):
                self.panic_message(node, "negative shift count")
        c64 = b.zext(count, I64) if count_t.bits < 64 else count
        big = b.icmp_unsigned(">=", c64, ir.Constant(I64, t.bits))
        c = b.trunc(c64, a.type) if t.bits < 64 else c64
        c = b.select(big, ir.Constant(a.type, 0), c)
        if left:
            return b.select(big, ir.Constant(a.type, 0), b.shl(a, c))
        if t.signed:
            return b.select(big, b.ashr(a, ir.Constant(a.type, t.bits - 1)), b.ashr(a, c))
        return b.select(big, ir.Constant(a.type, 0), b.lshr(a, c))

    def pow_helper(self, t: IntType) -> ir.Function:
        """x ** n by repeated squaring, wrapping at the width."""
        f = self.pow_helpers.get(t.name)
        if f is not None:
            return f
        ty = ir.IntType(t.bits)
        f = ir.Function(self.module, ir.FunctionType(ty, [ty, ty]), f"pythos.pow.{t.name}")
        f.linkage = "internal"
        f.attributes.add("nounwind")
        if self.target.freestanding:
            f.attributes.add("noredzone")
        entry, head, body, done = (f.append_basic_block(n) for n in
                                   ("entry", "head", "body", "done"))
        b = ir.IRBuilder(entry)
        b.branch(head)
        b.position_at_end(head)
        result = b.phi(ty)
        base = b.phi(ty)
        exp = b.phi(ty)
        result.add_incoming(ir.Constant(ty, 1), entry)
        base.add_incoming(f.args[0], entry)
        exp.add_incoming(f.args[1], entry)
        b.cbranch(b.icmp_unsigned("!=", exp, ir.Constant(ty, 0)), body, done)
        b.position_at_end(body)
        odd = b.trunc(exp, I1)
        result2 = b.select(odd, b.mul(result, base), result)
        base2 = b.mul(base, base)
        exp2 = b.lshr(exp, ir.Constant(ty, 1))
        result.add_incoming(result2, body)
        base.add_incoming(base2, body)
        exp.add_incoming(exp2, body)
        b.branch(head)
        b.position_at_end(done)
        b.ret(result)
        self.pow_helpers[t.name] = f
        return f

    def truth_boolop(self, node: ast.BoolOp) -> ir.Value:
        """`and`/`or` used only as a condition: its operands may have
        different types, since only their truth is used."""
        b = self.builder
        end = b.append_basic_block("cond.end")
        incoming = []
        for i, v in enumerate(node.values):
            cond = self.truth(v)
            incoming.append((cond, b.block))
            if i == len(node.values) - 1:
                b.branch(end)
                break
            nxt = b.append_basic_block("cond.next")
            if isinstance(node.op, ast.Or):
                b.cbranch(cond, end, nxt)
            else:
                b.cbranch(cond, nxt, end)
            b.position_at_end(nxt)
        b.position_at_end(end)
        phi = b.phi(I1)
        for value, block in incoming:
            phi.add_incoming(value, block)
        return phi

    def expr_BoolOp(self, node: ast.BoolOp) -> ir.Value:
        """`a or b` is a if a is true, else b (and `and` the reverse), with
        b evaluated only when needed."""
        b = self.builder
        t = node.ty  # type: ignore[attr-defined]
        end = b.append_basic_block("bool.end")
        incoming = []
        for i, v in enumerate(node.values):
            value = self.expr(v)
            if i == len(node.values) - 1:
                incoming.append((value, b.block))
                b.branch(end)
                break
            nxt = b.append_basic_block("bool.next")
            cond = self.truth_value(value, t)
            incoming.append((value, b.block))
            if isinstance(node.op, ast.Or):
                b.cbranch(cond, end, nxt)
            else:
                b.cbranch(cond, nxt, end)
            b.position_at_end(nxt)
        b.position_at_end(end)
        phi = b.phi(self.val_ty(t))
        for value, block in incoming:
            phi.add_incoming(value, block)
        return phi

    def expr_Compare(self, node: ast.Compare) -> ir.Value:
        b = self.builder
        operands = [node.left, *node.comparators]
        types = node.operand_types  # type: ignore[attr-defined]
        # A link between two untyped constants was decided by the checker;
        # its operands, constants without side effects, are evaluated only
        # if a neighbouring link compares them with a typed value.
        folded: dict[int, bool] = node.folded  # type: ignore[attr-defined]
        values: dict[int, ir.Value] = {}

        def operand(k: int) -> ir.Value:
            if k not in values:
                values[k] = self.expr(operands[k])
            return values[k]

        end = b.append_basic_block("cmp.end")
        incoming = []
        for i, (op, t) in enumerate(zip(node.ops, types, strict=False)):
            if i in folded:
                result = ir.Constant(I1, int(folded[i]))
            else:
                result = self.compare(op, operand(i), operand(i + 1), t)
            incoming.append((result, b.block))
            if i == len(node.ops) - 1:
                b.branch(end)
            else:
                nxt = b.append_basic_block("cmp.next")
                b.cbranch(result, nxt, end)
                b.position_at_end(nxt)
        b.position_at_end(end)
        if len(incoming) == 1:
            # Keep simple comparisons simple at -O0.
            phi = b.phi(I1)
            phi.add_incoming(*incoming[0])
            return phi
        phi = b.phi(I1)
        for value, block in incoming:
            phi.add_incoming(value, block)
        return phi

    def compare(self, op: ast.cmpop, a: ir.Value, c: ir.Value,
                t: T.Type) -> ir.Value:
        b = self.builder
        sym = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">",
               ast.GtE: ">="}[type(op)]
        if t in (STR, BYTES):
            eq = self.call_rt("str_eq" if t is STR else "bytes_eq", [a, c])
            return eq if sym == "==" else b.not_(eq)
        if isinstance(t, IntType) and t.signed:
            return b.icmp_signed(sym, a, c)
        return b.icmp_unsigned(sym, a, c)

    def expr_IfExp(self, node: ast.IfExp) -> ir.Value:
        b = self.builder
        cond = self.truth(node.test)
        then = b.append_basic_block("ifexp.then")
        other = b.append_basic_block("ifexp.else")
        end = b.append_basic_block("ifexp.end")
        b.cbranch(cond, then, other)
        b.position_at_end(then)
        v1 = self.expr(node.body)
        then_end = b.block
        b.branch(end)
        b.position_at_end(other)
        v2 = self.expr(node.orelse)
        other_end = b.block
        b.branch(end)
        b.position_at_end(end)
        phi = b.phi(v1.type)
        phi.add_incoming(v1, then_end)
        phi.add_incoming(v2, other_end)
        return phi

    # ----- calls -------------------------------------------------------------------
    def expr_Call(self, node: ast.Call) -> ir.Value:
        from .calls import lower_call
        return lower_call(self, node)  # type: ignore[arg-type]

    def call_function(self, node: ast.Call, fn: FuncSym,
                      args: list[ir.Value]) -> ir.Value:
        if fn.result.is_aggregate:
            dest = self.temp(node, fn.result)
            self.builder.call(fn.llvm, [dest, *args])
            return dest
        return self.builder.call(fn.llvm, args)

    def call_rt(self, name: str, args: list[ir.Value]) -> ir.Value:
        return self.builder.call(self.rt(name).llvm, args)

    # ----- output --------------------------------------------------------------------
    def location(self, node: ast.AST) -> list[ir.Value]:
        """The file and line a panic reports.  Files of the project are
        named relative to its root, so that a kernel reports the same
        `kernel/x.py:12` wherever it was built from."""
        assert self.fn is not None
        path = Path(self.fn.module.path)
        try:
            shown = str(path.resolve().relative_to(PACKAGE_ROOT))
        except ValueError:
            shown = self.fn.module.path
        return [self.string_constant(shown),
                ir.Constant(I32, getattr(node, "lineno", 0))]

    def panic_begin(self, node: ast.AST) -> None:
        self.call_rt("panic_begin", self.location(node))

    def panic_end(self) -> None:
        self.call_rt("panic_end", [])
        self.builder.unreachable()

    def panic_message(self, node: ast.AST, message: str) -> None:
        self.call_rt("panic_msg", [self.string_constant(message), *self.location(node)])
        self.builder.unreachable()

    def write_const_str(self, text: str) -> None:
        if text:
            self.call_rt("write_str", [self.string_constant(text)])

    def evaluate_text_args(self, nodes: list[ast.expr]) -> None:
        """Evaluate every value that print() or a panic will write, in
        order, before writing anything: CPython evaluates all arguments
        before print starts, which is visible when an argument prints."""
        for node in nodes:
            parts = [p.value for p in node.values if isinstance(p, ast.FormattedValue)] \
                if isinstance(node, ast.JoinedStr) else [node]
            for part in parts:
                if getattr(part, "call", None) == ("builtin", "chr"):
                    chr_call = part
                    part = part.args[0]  # type: ignore[attr-defined]
                    if getattr(part, "const", None) is None:
                        self.evaluated[id(part)] = self.expr(part)
                    self.check_chr(chr_call)  # type: ignore[arg-type]
                    continue
                if getattr(part, "const", None) is None:
                    self.evaluated[id(part)] = self.expr(part)

    def write_text(self, node: ast.expr) -> None:
        """Write a str argument that may be an f-string."""
        if isinstance(node, ast.JoinedStr):
            for part in node.values:
                if isinstance(part, ast.Constant):
                    self.write_const_str(str(part.value))
                else:
                    assert isinstance(part, ast.FormattedValue)
                    self.write_value(part.value, part.spec)  # type: ignore[attr-defined]
        else:
            self.write_value(node, FormatSpec())

    def write_value(self, node: ast.expr, spec: FormatSpec) -> None:
        b = self.builder
        call = getattr(node, "call", None)
        if call == ("builtin", "chr"):
            assert isinstance(node, ast.Call)
            v = self.chr_code(node)
            # A one-character string: the padding is known now.
            pad = max(spec.width - 1, 0)
            left = pad if spec.align == ">" else pad // 2 if spec.align == "^" else 0
            fill = ir.Constant(I32, ord(spec.fill))
            if left:
                self.call_rt("write_fill", [fill, ir.Constant(I64, left)])
            self.call_rt("write_char", [v, *self.location(node)])
            if pad - left:
                self.call_rt("write_fill", [fill, ir.Constant(I64, pad - left)])
            return
        t = node.ty  # type: ignore[attr-defined]
        v = self.expr(node)
        plain = spec == FormatSpec()
        if t is STR:
            if plain:
                self.call_rt("write_str", [v])
            else:
                align = spec.align or "<"
                self.call_rt("write_str_spec", [v, ir.Constant(I32, ord(spec.fill)),
                                                ir.Constant(I8, ord(align)),
                                                ir.Constant(I64, spec.width)])
            return
        if t is BOOL and not spec.given:
            self.call_rt("write_bool", [v])
            return
        if t is BOOL:
            v, t = b.zext(v, I64), T.I64
        assert isinstance(t, IntType)
        v = self.extend64(v, t)
        if plain:
            self.call_rt("write_i64" if t.signed else "write_u64", [v])
            return
        fields = [ir.Constant(I32, ord(spec.fill)), ir.Constant(I8, ord(spec.align or ">")),
                  ir.Constant(I8, ord(spec.sign)), ir.Constant(I1, int(spec.alt)),
                  ir.Constant(I64, spec.width),
                  ir.Constant(I8, ord(spec.grouping) if spec.grouping else 0),
                  ir.Constant(I8, ord(spec.type or "d"))]
        if t.signed:
            self.call_rt("write_i64_spec", [v, *fields])
        else:
            self.call_rt("write_int", [v, ir.Constant(I1, 0), *fields])

    def chr_code(self, node: ast.Call) -> ir.Value:
        """The code point of `chr(x)` as an i64; -1 if it is out of range."""
        b = self.builder
        v = self.expr(node.args[0])
        at: IntType = node.args[0].ty  # type: ignore[attr-defined]
        v = self.extend64(v, at)
        if not at.signed and at.bits == 64:
            # u64 values past i64's range are out of range for chr too.
            big = b.icmp_unsigned(">", v, ir.Constant(I64, 0x10FFFF))
            v = b.select(big, ir.Constant(I64, -1), v)
        return v

    def check_chr(self, node: ast.Call) -> None:
        """CPython raises for chr() of a value out of range before print()
        writes anything, so the check comes before the first byte too."""
        v = self.chr_code(node)
        bad = self.builder.icmp_unsigned(">", v, ir.Constant(I64, 0x10FFFF))
        with self.builder.if_then(bad, likely=False):
            self.panic_message(node, "chr() arg not in range(0x110000)")

    def extend64(self, v: ir.Value, t: IntType) -> ir.Value:
        if t.bits == 64:
            return v
        return self.builder.sext(v, I64) if t.signed else self.builder.zext(v, I64)


__all__ = ["ExprLowering", "VolatileLoad", "VolatileStore", "ConstSym", "NONE", "ArrayType",
           "CONTROL_REGISTER_READ", "CONTROL_REGISTER_WRITE", "SIMPLE_ASM"]
