"""Lowering of IR ops to LLVM instructions (a mixin of `Lowering`).

One method per kind of op, `op_<Name>`; `value()` turns an operand into an
LLVM value.  Reading a register loads it from its stack slot (an owner
register's value is the slot itself), so a read happens exactly where the
IR uses the register.

llvmlite lacks a few things LLVM has, which are made here: volatile loads
and stores (instruction subclasses that print the keyword), stores whose
pointer is opaque, and branch weights for the builder's likely/unlikely
hints.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from llvmlite import ir

from .. import types as T
from ..diagnostics import CompileError
from ..ir import ops as O
from ..ir.ops import Op, Register, Value
from ..types import BOOL, NONE, STR, IntType, PtrType

if TYPE_CHECKING:
    from ..symbols import FuncSym
    from ..target import Target
    from .debuginfo import DebugInfo

PTR = ir.PointerType()
I1, I8, I32, I64 = ir.IntType(1), ir.IntType(8), ir.IntType(32), ir.IntType(64)
SLICE = ir.LiteralStructType([PTR, I64, I64])  # data, length, owner (docs/compiler.md)


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


# What every x86 inline assembly statement clobbers.  Most x86 instructions
# change the flags (rdtsc's `shlq`/`orq`, a user's `xorl`), so GCC treats
# every asm statement as clobbering them, and clang adds exactly these three
# to each one it emits.  LLVM itself assumes nothing: without them it may
# compare before the asm and branch on the stale flags after it.
X86_ASM_CLOBBERS = ("~{dirflag}", "~{fpsr}", "~{flags}")

# The str object's layout (StrObject, pythos/rt/obj/object.py).
IMMORTAL = 1 << 60
# A one-character ASCII str of the runtime's table (str.py's ASCII_CHAR_SIZE):
# the five header words, the character, its NUL and padding.
ASCII_CHAR_SIZE = 48
ASCII_CHAR = ir.LiteralStructType([ir.IntType(64)] * 5 + [ir.ArrayType(ir.IntType(8), 8)])
ASCII_TABLE = ir.ArrayType(ASCII_CHAR, 128)
MASK64 = (1 << 64) - 1


def str_hash(data: bytes) -> int:
    """The hash the runtime gives a str of these UTF-8 bytes (`hash_bytes`
    in pythos/rt/obj/utf8.py: eight-byte little-endian words, a short
    tail as its first and last four or two bytes, each word mixed in with
    a multiply and a shift, then MurmurHash3's finaliser, never 0 or -1),
    for a literal to carry from the start."""
    def word(h: int, w: int) -> int:
        h = ((h ^ w) * 0x9E3779B97F4A7C15) & MASK64
        return h ^ (h >> 29)

    def le(part: bytes) -> int:
        return int.from_bytes(part, "little")

    n = len(data)
    h = 0xCBF29CE484222325 ^ n
    full = n - n % 8
    for i in range(0, full, 8):
        h = word(h, le(data[i:i + 8]))
    if full < n:
        if n >= 8:
            h = word(h, le(data[n - 8:]))
        elif n >= 4:
            h = word(h, le(data[:4]) | le(data[n - 4:]) << 32)
        elif n >= 2:
            h = word(h, le(data[:2]) | le(data[n - 2:]) << 16)
        else:
            h = word(h, data[0])
    for multiplier in (0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53):
        h ^= h >> 33
        h = (h * multiplier) & MASK64
    h ^= h >> 33
    if h == 0:
        return 1
    return MASK64 - 1 if h == MASK64 else h


STR_NBYTES = 24
STR_DATA = 40
BYTES_OWNER = 16  # a bytes value is {data, length, owner}: the owner's offset in memory
BYTES_LENGTH, BYTES_DATA = 16, 32  # BytesObject: header, length, hash; the bytes follow

COMPARE = {"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}


class InstructionLowering:
    """Op lowering; mixed into `lower.Lowering`, which provides the state
    and type helpers declared here."""

    builder: Builder
    module: ir.Module
    target: Target
    values: dict[Op, ir.Value]
    slots: dict[Register, ir.Value]
    phis: dict[Register, ir.PhiInstr]
    pending_phis: list[tuple[Register, ir.Value]]
    blocks: dict[int, ir.Block]
    strings: dict[tuple[bytes, bool], ir.GlobalVariable]
    pow_helpers: dict[str, ir.Function]
    alias_tags: dict[str, ir.MDValue]
    global_vars: dict[int, ir.GlobalVariable]
    program: Any
    sret: Register | None
    debug: DebugInfo | None

    if TYPE_CHECKING:
        def val_ty(self, t: T.Type) -> ir.Type: ...
        def mem_ty(self, t: T.Type) -> ir.Type: ...
        def struct_ty(self, st: Any) -> ir.Type: ...
        def function(self, fn: FuncSym) -> ir.Function: ...
        def tuple_constant(self, const: O.TupleConst) -> ir.Constant: ...

    def lower_op(self, op: Op) -> None:
        method: Callable[[Any], ir.Value | None] = getattr(self, "op_" + type(op).__name__)
        result = method(op)
        if result is not None:
            self.values[op] = result

    # ----- operands ---------------------------------------------------------------
    def value(self, v: Value) -> ir.Value:
        if isinstance(v, Op):
            return self.values[v]
        if isinstance(v, Register):
            if v.join is not None:
                return self.phis[v]
            slot = self.slots[v]
            if v.kind == "owner" or v is self.sret:
                return slot  # an owner's storage; the caller's result storage
            if v.kind == "ref":
                return self.builder.load(slot, typ=PTR)
            return self.load_mem(slot, v.type)
        if isinstance(v, O.Integer):
            t = v.type
            if t is BOOL:
                return ir.Constant(I1, v.value)
            if isinstance(t, PtrType):
                if v.value == 0:
                    return ir.Constant(PTR, None)
                return ir.Constant(I64, v.value).inttoptr(PTR)
            if T.is_object(t) or t is T.NONE_VALUE:
                return ir.Constant(I64, v.value)  # None: the address 0
            assert isinstance(t, IntType)
            return ir.Constant(ir.IntType(t.bits), v.value)
        if isinstance(v, O.StrConst):
            return self.string_constant(v.data, v.type is STR)
        if isinstance(v, O.TupleConst):
            return self.tuple_constant(v)
        raise CompileError(f"internal: no LLVM value for {v!r}")

    # ----- memory helpers ---------------------------------------------------------
    def load_mem(self, p: ir.Value, t: T.Type, volatile: bool = False) -> ir.Value:
        b = self.builder
        ty = I8 if t is BOOL else self.val_ty(t)
        if volatile:
            instr = VolatileLoad(b.block, p, typ=ty)
            b._insert(instr)
            v: ir.Value = instr
        else:
            v = b.load(p, typ=ty)
        return b.trunc(v, I1) if t is BOOL else v

    def store_mem(self, p: ir.Value, v: ir.Value, t: T.Type, volatile: bool = False) -> None:
        b = self.builder
        if t is BOOL:
            v = b.zext(v, I8)
        if volatile:
            instr = VolatileStore(b.block, v, p)
            instr.align = None
            b._insert(instr)
        else:
            b.store(v, p)

    def ascii_chars_table(self) -> ir.Constant:
        """The runtime's table of the 128 one-character ASCII strs
        (`ascii_chars` in pythos/rt/obj/str.py) as static data, in place
        of the zeros its declaration says: each one a str object like a
        literal's (an IMMORTAL count, the str type, length 1, its hash,
        the byte and a NUL), padded to ASCII_CHAR_SIZE bytes.  So they
        exist before the runtime's `init` runs (the kernel prints before
        it), and a one-character literal can be one of them."""
        type_addr = self.global_vars[id(self.program.str_type)].ptrtoint(I64)
        return ir.Constant(ASCII_TABLE, [
            ir.Constant(ASCII_CHAR, [ir.Constant(I64, IMMORTAL), type_addr, ir.Constant(I64, 1),
                                     ir.Constant(I64, 1), ir.Constant(I64, str_hash(bytes([c]))),
                                     ir.Constant(ir.ArrayType(I8, 8), bytearray([c] + [0] * 7))])
            for c in range(128)])

    def string_constant(self, data: bytes, is_str: bool) -> ir.Constant:
        """A bytes constant is the address and length of constant data; a
        str constant is the address of a static str object (StrObject in
        pythos/rt/obj/object.py): an IMMORTAL count, the runtime's str
        type (0 in a program without the object runtime, which never
        reads it), the length in code points and in bytes, its hash
        (`str_hash`: the runtime never stores into an IMMORTAL str, so a
        literal without one would be hashed again at every dict lookup),
        then the UTF-8 bytes and a NUL."""
        key = (data, is_str)
        if is_str and len(data) == 1 and data[0] < 0x80 and self.program.ascii_chars is not None:
            # The runtime's own static str of this character (what `s[i]`
            # returns), so that equal one-character strs are one object.
            table = self.global_vars[id(self.program.ascii_chars)].ptrtoint(I64)
            return table.add(ir.Constant(I64, data[0] * ASCII_CHAR_SIZE))  # type: ignore
        gv = self.strings.get(key)
        if gv is None:
            if is_str:
                codepoints = sum(1 for byte in data if byte & 0xC0 != 0x80)
                text = ir.ArrayType(I8, len(data) + 1)
                ty: ir.Type = ir.LiteralStructType([I64, I64, I64, I64, I64, text])
                str_type = self.program.str_type
                type_addr = self.global_vars[id(str_type)].ptrtoint(I64) \
                    if str_type is not None else ir.Constant(I64, 0)
                init = ir.Constant(ty, [ir.Constant(I64, IMMORTAL), type_addr,
                                        ir.Constant(I64, codepoints),
                                        ir.Constant(I64, len(data)),
                                        ir.Constant(I64, str_hash(data)),
                                        ir.Constant(text, bytearray(data + b"\0"))])
            else:
                ty = ir.ArrayType(I8, len(data))
                init = ir.Constant(ty, bytearray(data))
            gv = ir.GlobalVariable(self.module, ty, f".str.{len(self.strings)}")
            gv.linkage = "private"
            gv.global_constant = not is_str
            gv.unnamed_addr = True
            gv.align = 8
            gv.initializer = init
            self.strings[key] = opaque_global(gv)
        if is_str:
            return gv.ptrtoint(I64)  # type: ignore[no-any-return]
        return ir.Constant(SLICE, [gv, ir.Constant(I64, len(data)), ir.Constant(I64, 0)])

    def memory_intrinsic(self, name: str, args: list[ir.Type]) -> ir.Function:
        return self.module.declare_intrinsic(name, args)  # type: ignore[no-any-return]

    # ----- terminators -----------------------------------------------------------------
    def flush_phis(self) -> None:
        for reg, v in self.pending_phis:
            self.phis[reg].add_incoming(v, self.builder.block)
        self.pending_phis.clear()

    def op_Goto(self, op: O.Goto) -> None:
        self.flush_phis()
        self.builder.branch(self.blocks[id(op.target)])

    def op_Branch(self, op: O.Branch) -> None:
        self.flush_phis()
        br = self.builder.cbranch(self.value(op.cond), self.blocks[id(op.true)],
                                  self.blocks[id(op.false)])
        if op.likely is not None:
            br.set_weights([99, 1] if op.likely else [1, 99])

    def op_Return(self, op: O.Return) -> None:
        if op.value is None:
            self.builder.ret_void()
        else:
            self.builder.ret(self.value(op.value))

    def op_Unreachable(self, op: O.Unreachable) -> None:
        self.builder.unreachable()

    # ----- variables and memory ---------------------------------------------------------
    def op_Assign(self, op: O.Assign) -> None:
        reg = op.dest
        v = self.value(op.src)
        if reg.join is not None:
            # The incoming block is the one that ends with the jump, which
            # count updates lowered after this op may have moved on to.
            self.pending_phis.append((reg, v))
        elif reg.kind == "ref":
            self.builder.store(v, self.slots[reg])
        elif reg.kind == "value":
            self.store_mem(self.slots[reg], v, reg.type)
        else:
            raise CompileError(f"internal: assignment to owner register {reg.name}")

    def op_GlobalAddr(self, op: O.GlobalAddr) -> ir.Value:
        return self.global_vars[id(op.sym)]

    def op_FieldAddr(self, op: O.FieldAddr) -> ir.Value:
        return self.builder.gep(self.value(op.base),
                                [ir.Constant(I32, 0), ir.Constant(I32, op.index)],
                                source_etype=self.struct_ty(op.struct))

    def op_ElementAddr(self, op: O.ElementAddr) -> ir.Value:
        base, index = self.value(op.base), self.value(op.index)
        if op.array is not None:
            return self.builder.gep(base, [ir.Constant(I64, 0), index],
                                    source_etype=self.mem_ty(op.array), inbounds=op.inbounds)
        return self.builder.gep(base, [index], source_etype=self.mem_ty(op.element),
                                inbounds=op.inbounds)

    def op_StrBytes(self, op: O.StrBytes) -> ir.Value:
        b = self.builder
        obj = self.value(op.src)
        data = b.inttoptr(b.add(obj, ir.Constant(I64, STR_DATA)), PTR)
        nbytes = b.load(b.inttoptr(b.add(obj, ir.Constant(I64, STR_NBYTES)), PTR), typ=I64)
        view = b.insert_value(b.insert_value(ir.Constant(SLICE, ir.Undefined), data, 0),
                              nbytes, 1)
        return b.insert_value(view, ir.Constant(I64, 0), 2)  # borrowed: no owner

    def op_BytesOfObject(self, op: O.BytesOfObject) -> ir.Value:
        """{data, length, owner} of the bytes object at `op.src`
        (BytesObject in pythos/rt/obj/object.py)."""
        b = self.builder
        obj = self.value(op.src)
        data = b.inttoptr(b.add(obj, ir.Constant(I64, BYTES_DATA)), PTR)
        length = b.load(b.inttoptr(b.add(obj, ir.Constant(I64, BYTES_LENGTH)), PTR), typ=I64)
        view = b.insert_value(b.insert_value(ir.Constant(SLICE, ir.Undefined), data, 0),
                              length, 1)
        return b.insert_value(view, obj, 2)

    def op_SlicePart(self, op: O.SlicePart) -> ir.Value:
        return self.builder.extract_value(self.value(op.src), op.part)

    def op_Load(self, op: O.Load) -> ir.Value:
        v = self.load_mem(self.value(op.addr), op.type, op.volatile)
        if op.alias is not None:
            self.alias_tag(v, op.alias)
        return v

    def op_Store(self, op: O.Store) -> None:
        self.store_mem(self.value(op.addr), self.value(op.value), op.value.type, op.volatile)
        if op.alias is not None:
            self.alias_tag(self.builder.block.instructions[-1], op.alias)

    def alias_tag(self, instr: ir.Value, alias: str) -> None:
        """Tell LLVM which kind of memory `instr` touches (O.ALIAS_CLASSES)
        with type-based alias metadata: each kind is a type of its own
        under one root, so two kinds never alias, while an access with no
        tag (everything else, the runtime's code among it) may alias any."""
        assert isinstance(instr, (ir.LoadInstr, ir.StoreInstr)) and alias in O.ALIAS_CLASSES
        tags = self.alias_tags
        if not tags:
            md = self.module.add_metadata
            root = md(["pythos alias classes"])
            zero = ir.Constant(I64, 0)
            for name in O.ALIAS_CLASSES:
                kind = md([name, root, zero])
                tags[name] = md([kind, kind, zero])
        instr.set_metadata("tbaa", tags[alias])

    def op_CopyMem(self, op: O.CopyMem) -> None:
        memcpy = self.memory_intrinsic("llvm.memcpy", [PTR, PTR, I64])
        self.builder.call(memcpy, [self.value(op.dest), self.value(op.src),
                                   ir.Constant(I64, T.sizeof(op.of)), ir.Constant(I1, 0)])

    def op_ZeroMem(self, op: O.ZeroMem) -> None:
        memset = self.memory_intrinsic("llvm.memset", [PTR, I64])
        self.builder.call(memset, [self.value(op.dest), ir.Constant(I8, 0),
                                   ir.Constant(I64, T.sizeof(op.of)), ir.Constant(I1, 0)])

    # ----- arithmetic -------------------------------------------------------------------
    def op_IntOp(self, op: O.IntOp) -> ir.Value:
        b = self.builder
        method = {"and": b.and_, "or": b.or_}.get(op.op) or getattr(b, op.op)
        instr = method(self.value(op.lhs), self.value(op.rhs))
        if op.flags:
            instr.flags = list(op.flags)
        return instr  # type: ignore[no-any-return]

    def op_IntPow(self, op: O.IntPow) -> ir.Value:
        assert isinstance(op.type, IntType)
        return self.builder.call(self.pow_helper(op.type),
                                 [self.value(op.lhs), self.value(op.rhs)])

    def op_IntOverflow(self, op: O.IntOverflow) -> ir.Value:
        a, c = self.value(op.lhs), self.value(op.rhs)
        if op.op == "pow":
            assert isinstance(op.lhs.type, IntType)
            return self.builder.call(self.pow_overflow_helper(op.lhs.type), [a, c])
        pair = self.builder.call(self.overflow_intrinsic(op.op, a.type), [a, c])
        return self.builder.extract_value(pair, 1)

    def overflow_intrinsic(self, op: str, ty: ir.IntType) -> ir.Function:
        """`llvm.sadd.with.overflow.i64` and its kin: {result, overflowed}."""
        name = f"llvm.s{op}.with.overflow.i{ty.width}"
        f = self.module.globals.get(name)
        if f is None:
            fty = ir.FunctionType(ir.LiteralStructType([ty, I1]), [ty, ty])
            f = ir.Function(self.module, fty, name)
        return f  # type: ignore[no-any-return]

    def op_Compare(self, op: O.Compare) -> ir.Value:
        a, c = self.value(op.lhs), self.value(op.rhs)
        if op.op in ("eq", "ne"):
            return self.builder.icmp_unsigned(COMPARE[op.op], a, c)
        if op.op[0] == "s":
            return self.builder.icmp_signed(COMPARE[op.op[1:]], a, c)
        return self.builder.icmp_unsigned(COMPARE[op.op[1:]], a, c)

    def op_Select(self, op: O.Select) -> ir.Value:
        return self.builder.select(self.value(op.cond), self.value(op.true),
                                   self.value(op.false))

    def op_Cast(self, op: O.Cast) -> ir.Value:
        v = self.value(op.src)
        to = self.val_ty(op.type)
        if op.kind in ("object", "bitcast") or (op.kind in ("trunc", "zext", "sext")
                                                and v.type == to):
            return v  # both are the same 64-bit address
        return getattr(self.builder, op.kind)(v, to)  # type: ignore[no-any-return]

    # ----- calls ------------------------------------------------------------------------
    def op_Call(self, op: O.Call) -> ir.Value | None:
        args = [self.value(a) for a in op.args]
        f = self.function(op.fn)
        if op.sret is not None:
            dest = self.value(op.sret)
            self.builder.call(f, [dest, *args])
            return dest
        call = self.builder.call(f, args)
        return None if op.type is NONE else call

    def op_FuncAddr(self, op: O.FuncAddr) -> ir.Value:
        return self.builder.ptrtoint(self.function(op.fn), I64)

    def op_CallAddr(self, op: O.CallAddr) -> ir.Value:
        args = [self.value(a) for a in op.args]
        fty = ir.FunctionType(I64, [I64] * len(args))
        target = self.builder.inttoptr(self.value(op.addr), fty.as_pointer())
        return self.builder.call(target, args)

    def op_InlineAsm(self, op: O.InlineAsm) -> ir.Value | None:
        args = [self.value(a) for a in op.args]
        fty = ir.FunctionType(self.val_ty(op.type), [a.type for a in args])
        extra = [c for c in X86_ASM_CLOBBERS if c not in op.constraints]
        constraints = ",".join([c for c in (op.constraints, *extra) if c])
        v = self.builder.asm(fty, op.text, constraints, args, side_effect=True)
        return None if op.type is NONE else v

    def op_Atomic(self, op: O.Atomic) -> ir.Value | None:
        b = self.builder
        p = self.value(op.ptr)
        values = [self.value(a) for a in op.args]
        if op.kind in ("xchg", "add"):
            return b.atomic_rmw(op.kind, p, values[0], "seq_cst")
        if op.kind == "cas":
            pair = b.cmpxchg(p, values[0], values[1], "seq_cst", "seq_cst")
            return b.extract_value(pair, 0)
        if op.kind == "load":
            assert isinstance(op.type, IntType)
            return b.load_atomic(p, "seq_cst", op.type.bits // 8, typ=ir.IntType(op.type.bits))
        # IRBuilder.store_atomic insists on a typed pointer; build the
        # instruction directly for our opaque ones.
        t = op.args[0].type
        assert isinstance(t, IntType)
        b._insert(ir.instructions.StoreAtomicInstr(b.block, values[0], p, "seq_cst",
                                                   t.bits // 8))
        return None

    # ----- helpers ------------------------------------------------------------------------
    def pow_overflow_helper(self, t: IntType) -> ir.Function:
        """Whether x ** n leaves the signed width: the same squaring as
        `pow_helper`, noting each product that overflows.  A square that
        overflowed matters only if a later bit of n multiplies it in."""
        name = f"pythos.powovf.{t.name}"
        f = self.module.globals.get(name)
        if f is not None:
            return f  # type: ignore[no-any-return]
        ty = ir.IntType(t.bits)
        f = ir.Function(self.module, ir.FunctionType(I1, [ty, ty]), name)
        f.linkage = "internal"
        f.attributes.add("nounwind")
        if self.target.freestanding:
            f.attributes.add("noredzone")
        entry, head, body, done = (f.append_basic_block(n) for n in
                                   ("entry", "head", "body", "done"))
        mul = self.overflow_intrinsic("mul", ty)
        false = ir.Constant(I1, 0)
        b = ir.IRBuilder(entry)
        b.branch(head)
        b.position_at_end(head)
        result, base, exp = b.phi(ty), b.phi(ty), b.phi(ty)
        base_bad, bad = b.phi(I1), b.phi(I1)
        result.add_incoming(ir.Constant(ty, 1), entry)
        base.add_incoming(f.args[0], entry)
        exp.add_incoming(f.args[1], entry)
        base_bad.add_incoming(false, entry)
        bad.add_incoming(false, entry)
        b.cbranch(b.icmp_unsigned("!=", exp, ir.Constant(ty, 0)), body, done)
        b.position_at_end(body)
        odd = b.trunc(exp, I1)
        product = b.call(mul, [result, base])
        used_bad = b.and_(odd, b.or_(base_bad, b.extract_value(product, 1)))
        result2 = b.select(odd, b.extract_value(product, 0), result)
        square = b.call(mul, [base, base])
        exp2 = b.lshr(exp, ir.Constant(ty, 1))
        result.add_incoming(result2, body)
        base.add_incoming(b.extract_value(square, 0), body)
        exp.add_incoming(exp2, body)
        base_bad.add_incoming(b.or_(base_bad, b.extract_value(square, 1)), body)
        bad.add_incoming(b.or_(bad, used_bad), body)
        b.branch(head)
        b.position_at_end(done)
        b.ret(bad)
        return f

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
