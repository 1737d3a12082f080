"""Building calls, by the kind the checker gave each one (`node.call`).

Kernel intrinsics become `InlineAsm` or `Atomic` ops here; this is the
only place the compiler knows x86 mnemonics, apart from the boot stub the
kernel supplies itself.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from ... import types as T
from ...diagnostics import CompileError
from ...symbols import FuncSym
from ...types import BOOL, NONE, ArrayType, IntType, StructType
from ..ops import (
    Atomic,
    CallAddr,
    Cast,
    Compare,
    CopyMem,
    FieldAddr,
    FuncAddr,
    InlineAsm,
    Integer,
    IntOp,
    Load,
    Select,
    SlicePart,
    Store,
    StrBytes,
    Value,
    ZeroMem,
)
from .expr import ERR_OVERFLOW
from .frozensets import frozenset_call
from .lists import ERR_VALUE
from .overrides import call_by_class
from .ranges import is_range_call, iter_range

if TYPE_CHECKING:
    from . import FunctionBuilder

U32 = T.INTS["u32"]

CONTROL_REGISTER_READ = {"read_cr0": "cr0", "read_cr2": "cr2", "read_cr3": "cr3",
                         "read_cr4": "cr4"}
CONTROL_REGISTER_WRITE = {"write_cr0": "cr0", "write_cr3": "cr3", "write_cr4": "cr4"}
SIMPLE_ASM = {"cli": "cli", "sti": "sti", "hlt": "hlt", "sti_hlt": "sti; hlt", "int3": "int3",
              "pause": "pause"}


def build_call(b: FunctionBuilder, node: ast.Call) -> Value:
    kind, detail = node.call  # type: ignore[attr-defined]
    if kind == "func":
        fn: FuncSym = detail
        return b.call_function(node, fn, arguments(b, node))
    if kind == "method":
        fn = detail
        receiver = b.expr(node.self_node)  # type: ignore[attr-defined]
        if fn.cls is not None and fn.name == "__next__":
            return b.next_of(node, receiver, fn)  # iterate.py: checks for StopIteration
        if fn.cls is not None:
            # An override's own defaults for what the call leaves out (overrides.py).
            by_class = call_by_class(b, node, fn, receiver)
            if by_class is not None:
                return by_class
            return b.call_method(node, fn, [receiver, *arguments(b, node)])
        return b.call_function(node, fn, [receiver, *arguments(b, node)])
    if kind == "new":
        if getattr(node, "exc_texts", False) is not False:  # an exception (exceptions.py)
            return b.construct_exception(node, detail, lambda: arguments(b, node))
        if detail.find_method("__init__") is None and detail.dataclass:
            return b.construct(node, detail, dataclass_arguments(b, node, detail))
        return b.construct(node, detail, arguments(b, node))
    if kind == "exc_init":
        return b.init_exception(node)  # super().__init__(...) of an exception
    if kind == "unbound":  # `Base.method(obj, ...)`: obj is the first argument
        return b.call_method_direct(node, detail, arguments(b, node))
    if kind == "super":
        return b.call_super(node, detail, arguments(b, node) if detail is not None else [])
    if kind == "ctor":
        st: StructType = detail
        dest = b.temp(node, st)
        b.add(ZeroMem(dest, st))
        bound = node.args_bound  # type: ignore[attr-defined]
        for name, value in bound.items():
            ft = st.fields[name]
            p = b.add(FieldAddr(dest, st, name))
            v = b.expr(value)
            b.add(CopyMem(p, v, ft) if ft.is_aggregate else Store(p, v))
        return dest
    if kind == "array":
        at: ArrayType = detail
        dest = b.temp(node, at)
        b.add(ZeroMem(dest, at))
        return dest
    if kind == "ptr":
        addr = b.extend64(b.expr(node.args[0]), node.args[0].ty)  # type: ignore[attr-defined]
        return b.add(Cast("inttoptr", addr, node.ty))  # type: ignore
    if kind == "ptrmethod":
        return ptr_method(b, node, detail)
    if kind == "intmethod":  # n.bit_length(), n.bit_count(): of |n|, in core.py
        owner: ast.expr = node.func.value  # type: ignore[attr-defined]
        t: IntType = owner.ty  # type: ignore[attr-defined]
        v = b.extend64(b.expr(owner), t)
        if t.signed:  # |n| as a u64 (the most negative i64's is 2**63)
            negated = b.add(IntOp("sub", Integer(0, v.type), v))
            v = b.add(Select(b.add(Compare("slt", v, Integer(0, v.type))), negated, v))
        if v.type != T.U64:
            v = b.add(Cast("bitcast", v, T.U64))
        return b.call_rt(detail, [v])
    if kind == "conv":
        return conversion(b, node, detail)
    if kind == "builtin":
        return builtin(b, node, detail)
    if kind == "value":
        return b.call_value(node, detail)
    if kind == "objmethod" and detail.startswith("str."):
        return b.str_method(node, detail.removeprefix("str."))
    if kind == "objmethod" and detail.startswith("bytes."):
        return b.bytes_method(node, detail.removeprefix("bytes."))  # bytes.py
    if kind == "objmethod" and detail.startswith("bytearray."):
        return b.bytearray_method(node, detail.removeprefix("bytearray."))  # bytearrays.py
    if kind == "objmethod" and detail.startswith("dict."):
        return b.dict_method(node, detail.removeprefix("dict."))
    if kind == "objmethod" and detail.startswith("set."):
        return b.set_method(node, detail.removeprefix("set."))
    if kind == "objmethod" and detail.startswith("list."):
        return b.list_method(node, detail)
    if kind == "objmethod" and detail in ("tuple.count", "tuple.index"):
        return b.tuple_method(node, detail.removeprefix("tuple."))
    if kind == "objmethod" and detail == "Generator.send":
        if isinstance(getattr(node.func, "value", None) and node.func.value.ty,  # type: ignore
                      T.CoroutineType):
            return b.coroutine_send(node)  # coroutines.py
        return b.generator_send(node)  # generators.py
    if kind == "objmethod" and detail in ("Generator.throw", "Generator.close"):
        return b.generator_throw_close(node, detail)  # generators.py
    if kind == "objmethod":
        raise b.not_yet(node, f"{detail}() calls")
    raise CompileError(f"internal: call kind {kind}")


def arguments(b: FunctionBuilder, node: ast.Call) -> list[Value]:
    """A call's argument values in parameter order, evaluated in the order
    they are written, as CPython does: `f(b=g(), a=h())` calls g first, then
    passes h()'s value as the first parameter.  Defaults are constants, so
    when they are materialised does not matter."""
    values = evaluate_written(b, node)
    return [values[id(a)] if id(a) in values else b.expr(a)
            for a in node.args_bound.values()]  # type: ignore[attr-defined]


def written_args(node: ast.Call) -> list[ast.expr]:
    """The argument expressions as written (`*xs`, `**d`: xs, d)."""
    return [*(a.value if isinstance(a, ast.Starred) else a for a in node.args),
            *(kw.value for kw in node.keywords)]


def is_packed(a: ast.expr) -> bool:
    """A node the checker made of written arguments: the tuple of a
    `*args` parameter, the dict of a `**kwargs` one, an item of `*t`."""
    return getattr(a, "packed", False) or hasattr(a, "spread_of") or hasattr(a, "merged")


def evaluate_written(b: FunctionBuilder, node: ast.Call) -> dict[int, Value]:
    """The values of the arguments written, in the order written, then of
    the nodes made of them (`is_packed`), which read those values (each
    written expression is evaluated once); by node id."""
    values = {id(a): b.expr(a) for a in written_args(node)}
    packs = [a for a in getattr(node, "args_bound", {}).values()
             if is_packed(a) and id(a) not in values]
    if not packs and not hasattr(node, "kwargs_rest"):
        return values
    added = [k for k in values if k not in b.evaluated]
    for k in added:
        b.evaluated[k] = values[k]
    try:
        # The keywords merged for `**d` first: the parameters they may
        # give (KwargTake) are taken out of them.
        merged = getattr(node, "kwargs_rest", None) or next(
            (a.merged for a in packs if hasattr(a, "merged")), None)  # KwargTake
        if merged is not None:
            values[id(merged)] = b.evaluated[id(merged)] = b.expr(merged)
            added.append(id(merged))
        for a in packs:
            if id(a) not in values:
                values[id(a)] = b.expr(a)
        if getattr(node, "kwargs_rest", None) is not None:
            b.kwargs_rest_check(node, values[id(merged)])
    finally:
        for k in added:
            del b.evaluated[k]
    return values


def dataclass_arguments(b: FunctionBuilder, node: ast.Call, ct: T.ClassType) -> list[Value]:
    """The generated __init__'s arguments: those written, in the order they
    are written, and each missing one's class-level default."""
    values = evaluate_written(b, node)
    bound = node.args_bound  # type: ignore[attr-defined]
    return [values[id(a)] if id(a) in values else b.default_value(a, ct, name)
            for name, a in bound.items()]


def ptr_method(b: FunctionBuilder, node: ast.Call, name: str) -> Value:
    p = b.expr(node.self_node)  # type: ignore[attr-defined]
    t = node.self_node.ty.target  # type: ignore[attr-defined]
    if name == "load":
        return b.load_mem(p, t)  # a struct pointer loads as a reference
    if name == "volatile_load":
        return b.add(Load(p, t, volatile=True))  # type: ignore[no-any-return]
    return b.add(Store(p, b.expr(node.args[0]),  # type: ignore[no-any-return]
                       volatile=name == "volatile_store"))


def conversion(b: FunctionBuilder, node: ast.Call, target: T.Type) -> Value:
    arg = node.args[0]
    v = b.expr(arg)
    src = arg.ty  # type: ignore[attr-defined]
    if target is BOOL:
        return b.truth_value(v, src)
    assert isinstance(target, IntType)
    if src is BOOL:
        return b.add(Cast("zext", v, target))  # type: ignore[no-any-return]
    assert isinstance(src, IntType)
    if src.bits == target.bits:
        return v
    if src.bits > target.bits:
        return b.add(Cast("trunc", v, target))  # type: ignore[no-any-return]
    return b.add(Cast("sext" if src.signed else "zext", v, target))  # type: ignore


def asm(b: FunctionBuilder, text: str, constraints: str, result: T.Type,
        args: list[Value]) -> Value:
    return b.add(InlineAsm(text, constraints, args, result))  # type: ignore[no-any-return]


def builtin(b: FunctionBuilder, node: ast.Call, name: str) -> Value:
    args = node.args
    if name == "print":
        sep = next((k.value for k in node.keywords if k.arg == "sep"), None)
        end = next((k.value for k in node.keywords if k.arg == "end"), None)
        b.evaluate_text_args([*args, *(k.value for k in node.keywords)])
        for i, a in enumerate(args):
            if i:
                b.write_text(sep) if sep is not None else b.write_const_str(" ")
            b.write_text(a)
        b.write_text(end) if end is not None else b.write_const_str("\n")
        return b.call_rt("print_end", [])
    if name == "panic":
        b.evaluate_text_args(args)
        b.panic_begin(node)
        b.write_text(args[0])
        b.panic_end()
        # Nothing follows a panic; what the source has after it is dead.
        b.activate(b.new_block("after.panic"))
        return Integer(0, NONE)
    if name == "isinstance":
        return b.isinstance_test(node)
    if name in ("str", "repr") and len(args) == 1 and isinstance(
            args[0].ty, T.ClassType):  # type: ignore[attr-defined]
        return b.text_call(node, use_str=name == "str")
    if name in ("str", "repr") and len(args) == 1 and isinstance(
            args[0].ty, (T.DictType, T.SetType)):  # type: ignore[attr-defined]
        return b.map_text(node, b.expr(args[0]), args[0].ty)  # type: ignore[attr-defined]
    if name in ("str", "repr") and len(args) == 1:
        text = b.text_builtin(node, name)  # values that may be None (optional.py)
        if text is not None:
            return text
    if name in ("str", "repr") and len(args) == 1 and not T.is_object(
            args[0].ty):  # type: ignore[attr-defined]
        return b.str_of(node, use_str=name == "str")
    if name == "int" and args and args[0].ty is T.STR:  # type: ignore[attr-defined]
        return b.str_to_int(node)
    if name in ("hex", "bin", "oct"):  # an f-string (check/calls.py, int_text)
        return b.expr_JoinedStr(node.fstring)  # type: ignore[attr-defined]
    if name == "pow" and getattr(node, "pow_mod", False):
        return pow_mod(b, node)
    if name == "pow":  # `x ** y` (check/calls.py, int_arithmetic)
        return b.expr(node.binop)  # type: ignore[attr-defined]
    if name == "abs":
        return b.absolute(node, b.expr(args[0]))
    if name == "round":
        return int_round(b, node)
    if name == "divmod":  # (a // d, a % d), a and d evaluated once
        tt: T.TupleType = node.ty  # type: ignore[attr-defined]
        t = tt.elements[0]
        assert isinstance(t, IntType)
        dividend, divisor = b.expr(args[0]), b.expr(args[1])
        q = b.binop(node, ast.FloorDiv(), dividend, divisor, t, args[1])
        r = b.binop(node, ast.Mod(), dividend, divisor, t, args[1])
        return b.tuple_of(tt, [q, r], (t, t))  # type: ignore[attr-defined, no-any-return]
    if name == "ord":
        return b.str_call(node, "str_ord", [b.expr(args[0])], None, True)
    if name == "chr":
        return b.str_call(node, "str_chr", [b.int64(args[0])], T.STR, True)
    if name == "len" and args[0].ty is T.STR and b.ir.count_str:  # type: ignore[attr-defined]
        return b.str_length(node)
    if name == "bool" and len(args) == 1:
        return b.truth_value(b.expr(args[0]), args[0].ty, args[0])  # type: ignore[attr-defined]
    if name == "len" and T.is_object(args[0].ty):  # type: ignore[attr-defined]
        return b.object_len(node, b.expr(args[0]), args[0].ty)  # type: ignore[attr-defined]
    if name == "len":
        v = b.expr(args[0])
        is_str = args[0].ty is T.STR  # type: ignore[attr-defined]
        n = b.call_rt("str_width", [v]) if is_str else b.add(SlicePart(v, 1))
        length_t: IntType = node.ty  # type: ignore[attr-defined]
        return b.add(Cast("trunc", n, length_t)) if length_t.bits < 64 else n
    if name == "addr_of":
        return b.address(args[0])
    if name == "func_addr":
        return b.add(FuncAddr(args[0].sym, node.ty))  # type: ignore
    if name == "call_addr":
        values = [b.expr(a) for a in args]
        return b.add(CallAddr(values[0], values[1:], node.ty))  # type: ignore[attr-defined]
    if name == "str_bytes":
        return b.add(StrBytes(b.expr(args[0])))  # type: ignore[no-any-return]
    if name == "asm":
        operands = [b.expr(a) for a in args[2:]]
        operands = [b.add(Cast("zext", v, T.U8)) if v.type is BOOL else v for v in operands]
        rt = node.asm_result  # type: ignore[attr-defined]
        return asm(b, args[0].value, args[1].value, rt, operands)  # type: ignore[attr-defined]
    if name in ("inb", "inw", "inl"):
        ty = {"inb": T.U8, "inw": T.INTS["u16"], "inl": U32}[name]
        return asm(b, f"in{name[-1]} $1, $0", "={ax},N{dx},~{memory}", ty,
                   [b.expr(args[0])])
    if name in ("outb", "outw", "outl"):
        return asm(b, f"out{name[-1]} $0, $1", "{ax},N{dx},~{memory}", NONE,
                   [b.expr(args[1]), b.expr(args[0])])
    if name in CONTROL_REGISTER_READ:
        return asm(b, f"mov %{CONTROL_REGISTER_READ[name]}, $0", "=r,~{memory}", T.U64, [])
    if name in CONTROL_REGISTER_WRITE:
        return asm(b, f"mov $0, %{CONTROL_REGISTER_WRITE[name]}", "r,~{memory}", NONE,
                   [b.expr(args[0])])
    if name in SIMPLE_ASM:
        return asm(b, SIMPLE_ASM[name], "~{memory}", NONE, [])
    if name in ("lgdt", "lidt"):
        return asm(b, f"{name} ($0)", "r,~{memory}", NONE, [b.expr(args[0])])
    if name == "ltr":
        return asm(b, "ltr $0", "r,~{memory}", NONE, [b.expr(args[0])])
    if name == "invlpg":
        return asm(b, "invlpg ($0)", "r,~{memory}", NONE, [b.expr(args[0])])
    if name == "rdmsr":
        return asm(b, "rdmsr; shlq $$32, %rdx; orq %rdx, %rax", "={rax},{ecx},~{rdx}",
                   T.U64, [b.expr(args[0])])
    if name == "wrmsr":
        v = b.expr(args[1])
        lo = b.add(Cast("trunc", v, U32))
        hi = b.add(Cast("trunc", b.int_op("lshr", v, Integer(32, v.type)), U32))
        return asm(b, "wrmsr", "{ecx},{eax},{edx},~{memory}", NONE,
                   [b.expr(args[0]), lo, hi])
    if name == "rdtsc":
        return asm(b, "rdtsc; shlq $$32, %rdx; orq %rdx, %rax", "={rax},~{rdx}", T.U64, [])
    if name.startswith("atomic_"):
        p = b.expr(node.args[0])
        values = [b.expr(a) for a in node.args[1:]]
        target: IntType = node.args[0].ty.target  # type: ignore[attr-defined]
        kind = name.removeprefix("atomic_")
        return b.add(Atomic(kind, p, values, NONE if kind == "store" else target))  # type: ignore
    if name == "hash" and node.args[0].ty is T.BYTES:  # type: ignore[attr-defined]
        return b.bytes_hash(node)  # bytes.py
    if name == "hash" and isinstance(node.args[0].ty, T.BytearrayType):  # type: ignore
        return b.bytearray_hash(node)  # bytearrays.py: CPython's TypeError
    if name == "hash":
        return b.hash_builtin(node)  # optional.py
    if name == "bytes":
        return b.bytes_call(node)  # bytes.py
    if name == "bytearray":
        return b.bytearray_call(node)  # bytearrays.py
    if name in ("sorted", "min", "max") and any(k.arg == "key" for k in node.keywords):
        return b.keyed_builtin(node, name)  # funcs.py
    if name == "frozenset":
        return frozenset_call(b, node)  # frozensets.py
    if name == "tuple":
        return b.tuple_call(node)  # tuples.py
    if name == "iter" and is_range_call(node.args[0]):
        return iter_range(b, node)  # ranges.py
    if name in ("iter", "next"):
        lowered = b.iter_next_call(node, name)  # iterate.py: iterator objects and classes
        if lowered is not None:
            return lowered
    if name in ("enumerate", "zip", "reversed"):
        return b.builtin_iterator(node, name)  # iterate.py: as a value, an iterator object
    if name in ("list", "sorted", "min", "max", "sum"):
        lowered = b.list_builtin(node, name)
        if lowered is not None:
            return lowered
    consumed = b.consume_builtin(node, name)  # consumers.py: over any iterable
    if consumed is not None:
        return consumed
    if any(T.is_object(getattr(a, "ty", None)) for a in args) or name in (
            "str", "repr", "hash", "sorted", "min", "max", "sum", "any", "all", "list",
            "enumerate", "zip", "reversed", "set", "dict", "int"):
        raise b.not_yet(node, f"{name}() of objects")
    raise CompileError(f"internal: builtin {name}")


def int_round(b: FunctionBuilder, node: ast.Call) -> Value:
    """`round(x)` (x itself) and `round(x, ndigits)` of an int: the
    arithmetic in rt/core.py's round_int, CPython's OverflowError where
    the multiple it rounds to leaves the 64 bits."""
    round_args: list[ast.expr] = node.round_args  # type: ignore[attr-defined]
    x = b.expr(round_args[0])
    if len(round_args) == 1:
        return x
    ndigits = b.expr(round_args[1])
    result = b.call_rt("round_int", [x, ndigits])
    fits = b.add(Compare("ne", result, Integer(-(1 << 63), T.I64)))
    positive = b.add(Compare("sge", ndigits, Integer(0, T.I64)))
    b.check(b.add(IntOp("or", fits, positive)),
            b.raise_or_panic(node, ERR_OVERFLOW, "int result of round() does not fit in 64 "
                                                 "bits"))
    return result


def pow_mod(b: FunctionBuilder, node: ast.Call) -> Value:
    """`pow(base, exp, mod)` of plain ints: CPython's ValueErrors for a
    zero modulus and a base with no inverse (a negative exponent), the
    arithmetic in rt/core.py's pow_mod."""
    base, exp, mod = (b.expr(a) for a in node.args)
    b.check(b.add(Compare("ne", mod, Integer(0, T.I64))),
            b.raise_or_panic(node, ERR_VALUE, "pow() 3rd argument cannot be 0"))
    result = b.call_rt("pow_mod", [base, exp, mod])
    b.check(b.add(Compare("ne", result, Integer(-(1 << 63), T.I64))),
            b.raise_or_panic(node, ERR_VALUE, "base is not invertible for the given modulus"))
    return result
