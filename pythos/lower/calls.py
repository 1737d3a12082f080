"""Lowering of calls, by the kind the checker gave each one (`node.call`).

Kernel intrinsics become LLVM inline assembly or atomic instructions
here; that is the only place the compiler knows x86 mnemonics, apart from
the boot stub the kernel supplies itself.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from llvmlite import ir

from .. import types as T
from ..diagnostics import CompileError
from ..symbols import FuncSym
from ..types import BOOL, NONE, ArrayType, IntType, StructType
from .expr import (
    CONTROL_REGISTER_READ,
    CONTROL_REGISTER_WRITE,
    SIMPLE_ASM,
    VolatileLoad,
    VolatileStore,
)

if TYPE_CHECKING:
    from . import Lowering

PTR = ir.PointerType()
I1, I8, I16, I32, I64 = (ir.IntType(n) for n in (1, 8, 16, 32, 64))
VOID = ir.VoidType()


def lower_call(low: Lowering, node: ast.Call) -> ir.Value:
    kind, detail = node.call  # type: ignore[attr-defined]
    b = low.builder
    if kind == "func":
        fn: FuncSym = detail
        return low.call_function(node, fn, arguments(low, node))
    if kind == "method":
        fn = detail
        receiver = low.expr(node.self_node)  # type: ignore[attr-defined]
        return low.call_function(node, fn, [receiver, *arguments(low, node)])
    if kind == "ctor":
        st: StructType = detail
        dest = low.temp(node, st)
        low.zero(dest, st)
        bound = node.args_bound  # type: ignore[attr-defined]
        names = list(st.fields)
        for name, value in bound.items():
            ft = st.fields[name]
            p = b.gep(dest, [ir.Constant(I32, 0), ir.Constant(I32, names.index(name))],
                      source_etype=low.struct_ty(st))
            v = low.expr(value)
            if ft.is_aggregate:
                low.copy(p, v, ft)
            else:
                low.store_mem(p, v, ft)
        return dest
    if kind == "array":
        at: ArrayType = detail
        dest = low.temp(node, at)
        low.zero(dest, at)
        return dest
    if kind == "ptr":
        addr = low.expr(node.args[0])
        at_: IntType = node.args[0].ty  # type: ignore[attr-defined]
        addr = low.extend64(addr, at_)
        return b.inttoptr(addr, PTR)
    if kind == "ptrmethod":
        return ptr_method(low, node, detail)
    if kind == "conv":
        return conversion(low, node, detail)
    if kind == "builtin":
        return builtin(low, node, detail)
    raise CompileError(f"internal: call kind {kind}")


def arguments(low: Lowering, node: ast.Call) -> list[ir.Value]:
    """A call's argument values in parameter order, evaluated in the order
    they are written, as CPython does: `f(b=g(), a=h())` calls g first, then
    passes h()'s value as the first parameter.  Defaults are constants, so
    when they are materialised does not matter."""
    written = [*node.args, *(kw.value for kw in node.keywords)]
    values = {id(a): low.expr(a) for a in written}
    return [values[id(a)] if id(a) in values else low.expr(a)
            for a in node.args_bound.values()]  # type: ignore[attr-defined]


def ptr_method(low: Lowering, node: ast.Call, name: str) -> ir.Value:
    b = low.builder
    p = low.expr(node.self_node)  # type: ignore[attr-defined]
    t = node.self_node.ty.target  # type: ignore[attr-defined]
    ty = low.mem_ty(t)
    if name == "load":
        return low.load_mem(p, t)  # a struct pointer loads as a reference
    if name == "store":
        low.store_mem(p, low.expr(node.args[0]), t)
        return ir.Constant(I1, 0)
    if name == "volatile_load":
        instr = VolatileLoad(b.block, p, typ=ty)
        b._insert(instr)
        return b.trunc(instr, I1) if t is BOOL else instr
    v = low.expr(node.args[0])
    if t is BOOL:
        v = b.zext(v, I8)
    instr = VolatileStore(b.block, v, p)
    instr.align = None
    b._insert(instr)
    return ir.Constant(I1, 0)


def conversion(low: Lowering, node: ast.Call, target: T.Type) -> ir.Value:
    b = low.builder
    arg = node.args[0]
    v = low.expr(arg)
    src = arg.ty  # type: ignore[attr-defined]
    if target is BOOL:
        return low.truth_value(v, src)
    assert isinstance(target, IntType)
    to = ir.IntType(target.bits)
    if src is BOOL:
        return b.zext(v, to)
    assert isinstance(src, IntType)
    if src.bits == target.bits:
        return v
    if src.bits > target.bits:
        return b.trunc(v, to)
    return b.sext(v, to) if src.signed else b.zext(v, to)


# What every x86 inline assembly statement clobbers.  Most x86 instructions
# change the flags (rdtsc's `shlq`/`orq`, a user's `xorl`), so GCC treats
# every asm statement as clobbering them, and clang adds exactly these three
# to each one it emits.  LLVM itself assumes nothing: without them it may
# compare before the asm and branch on the stale flags after it.
X86_ASM_CLOBBERS = ("~{dirflag}", "~{fpsr}", "~{flags}")


def inline_asm(low: Lowering, text: str, constraints: str, result: ir.Type,
               args: list[ir.Value]) -> ir.Value:
    fty = ir.FunctionType(result, [a.type for a in args])
    extra = [c for c in X86_ASM_CLOBBERS if c not in constraints]
    constraints = ",".join([c for c in (constraints, *extra) if c])
    return low.builder.asm(fty, text, constraints, args, side_effect=True)


def builtin(low: Lowering, node: ast.Call, name: str) -> ir.Value:
    b = low.builder
    args = node.args
    none = ir.Constant(I1, 0)  # the "value" of a None call; never used
    if name == "print":
        sep = next((k.value for k in node.keywords if k.arg == "sep"), None)
        end = next((k.value for k in node.keywords if k.arg == "end"), None)
        low.evaluate_text_args([*args, *(k.value for k in node.keywords)])
        for i, a in enumerate(args):
            if i:
                low.write_text(sep) if sep is not None else low.write_const_str(" ")
            low.write_text(a)
        low.write_text(end) if end is not None else low.write_const_str("\n")
        low.call_rt("print_end", [])
        return none
    if name == "panic":
        low.evaluate_text_args(args)
        low.panic_begin(node)
        low.write_text(args[0])
        low.panic_end()
        b.position_at_end(b.append_basic_block("after.panic"))
        return none
    if name == "len":
        v = low.expr(args[0])
        n = b.extract_value(v, 1)
        if args[0].ty is T.STR:  # type: ignore[attr-defined]
            n = low.call_rt("str_width", [v])
        t: IntType = node.ty  # type: ignore[attr-defined]
        return b.trunc(n, ir.IntType(t.bits)) if t.bits < 64 else n
    if name == "addr_of":
        return low.address(args[0])
    if name == "func_addr":
        fn: FuncSym = args[0].sym  # type: ignore[attr-defined]
        return b.ptrtoint(fn.llvm, I64)
    if name == "str_bytes":
        return low.expr(args[0])
    if name == "asm":
        operands = [low.expr(a) for a in args[2:]]
        operands = [b.zext(v, I8) if v.type == I1 else v for v in operands]
        rt = node.asm_result  # type: ignore[attr-defined]
        result = VOID if rt is NONE else ir.IntType(rt.bits)
        v = inline_asm(low, args[0].value, args[1].value, result,  # type: ignore[attr-defined]
                       operands)
        return none if rt is NONE else v
    if name in ("inb", "inw", "inl"):
        ty = {"inb": I8, "inw": I16, "inl": I32}[name]
        suffix = name[-1]
        return inline_asm(low, f"in{suffix} $1, $0", "={ax},N{dx},~{memory}", ty,
                          [low.expr(args[0])])
    if name in ("outb", "outw", "outl"):
        suffix = name[-1]
        inline_asm(low, f"out{suffix} $0, $1", "{ax},N{dx},~{memory}", VOID,
                   [low.expr(args[1]), low.expr(args[0])])
        return none
    if name in CONTROL_REGISTER_READ:
        return inline_asm(low, f"mov %{CONTROL_REGISTER_READ[name]}, $0", "=r,~{memory}",
                          I64, [])
    if name in CONTROL_REGISTER_WRITE:
        inline_asm(low, f"mov $0, %{CONTROL_REGISTER_WRITE[name]}", "r,~{memory}", VOID,
                   [low.expr(args[0])])
        return none
    if name in SIMPLE_ASM:
        inline_asm(low, SIMPLE_ASM[name], "~{memory}", VOID, [])
        return none
    if name in ("lgdt", "lidt"):
        inline_asm(low, f"{name} ($0)", "r,~{memory}", VOID, [low.expr(args[0])])
        return none
    if name == "ltr":
        inline_asm(low, "ltr $0", "r,~{memory}", VOID, [low.expr(args[0])])
        return none
    if name == "invlpg":
        inline_asm(low, "invlpg ($0)", "r,~{memory}", VOID, [low.expr(args[0])])
        return none
    if name == "rdmsr":
        return inline_asm(low, "rdmsr; shlq $$32, %rdx; orq %rdx, %rax", "={rax},{ecx},~{rdx}",
                          I64, [low.expr(args[0])])
    if name == "wrmsr":
        v = low.expr(args[1])
        lo = b.trunc(v, I32)
        hi = b.trunc(b.lshr(v, ir.Constant(I64, 32)), I32)
        inline_asm(low, "wrmsr", "{ecx},{eax},{edx},~{memory}", VOID,
                   [low.expr(args[0]), lo, hi])
        return none
    if name == "rdtsc":
        return inline_asm(low, "rdtsc; shlq $$32, %rdx; orq %rdx, %rax", "={rax},~{rdx}",
                          I64, [])
    if name.startswith("atomic_"):
        return atomic(low, node, name)
    raise CompileError(f"internal: builtin {name}")


def atomic(low: Lowering, node: ast.Call, name: str) -> ir.Value:
    b = low.builder
    p = low.expr(node.args[0])
    values = [low.expr(a) for a in node.args[1:]]
    t: IntType = node.args[0].ty.target  # type: ignore[attr-defined]
    align = t.bits // 8
    if name == "atomic_xchg":
        return b.atomic_rmw("xchg", p, values[0], "seq_cst")
    if name == "atomic_add":
        return b.atomic_rmw("add", p, values[0], "seq_cst")
    if name == "atomic_cas":
        pair = b.cmpxchg(p, values[0], values[1], "seq_cst", "seq_cst")
        return b.extract_value(pair, 0)
    if name == "atomic_load":
        instr = b.load_atomic(p, "seq_cst", align, typ=ir.IntType(t.bits))
        return instr
    # IRBuilder.store_atomic insists on a typed pointer; build the
    # instruction directly for our opaque ones.
    b._insert(ir.instructions.StoreAtomicInstr(b.block, values[0], p, "seq_cst", align))
    return ir.Constant(I1, 0)
