"""What the lowering adds for a coroutine's frame (issue 12).

A coroutine's frame is a generator's (lower/generators.py) with two
differences, both in its TypeInfo: the COROUTINE flag beside GENERATOR,
which the runtime reads to word its errors as CPython does
(pythos/rt/obj/coroutine.py), and a `clear` that first checks whether
the coroutine ever ran.  Released in state 0, it never did: CPython
prints "RuntimeWarning: coroutine 'f' was never awaited" then, and so
does `clear`, with the message made here as a constant, once per
coroutine function (CPython's filter shows it once per place).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from llvmlite import ir

from .. import types as T

if TYPE_CHECKING:
    from ..ir.ops import FuncIR

I64 = ir.IntType(64)
PTR = ir.PointerType()
COROUTINE = 32  # TypeInfo.flags (pythos/rt/obj/coroutine.py)
GEN_STATE = 16


def is_coroutine(func: FuncIR) -> bool:
    return isinstance(func.generator.type, T.CoroutineType)


def frame_flags(func: FuncIR) -> int:
    return COROUTINE if is_coroutine(func) else 0


def frame_type_name(func: FuncIR) -> str:
    """The frame's type as CPython names it (in an unraisable report)."""
    if isinstance(func.generator.type, T.AsyncGeneratorType):
        return "async_generator"
    return "coroutine" if is_coroutine(func) else "generator"


def warn_never_awaited(lowering: Any, func: FuncIR, f: ir.Function, b: Any) -> None:
    """In a coroutine frame's `clear`: the warning, if it is in state 0."""
    if not is_coroutine(func):
        return
    name = func.sym.name.removesuffix(".resume")
    text = f"RuntimeWarning: coroutine '{name}' was never awaited\n"
    message = lowering.cstring(f"{func.sym.link_name}.never_awaited", text)
    # Once per coroutine function, as CPython's warnings filter shows a
    # warning once per place (which here is the function).
    warned = ir.GlobalVariable(lowering.module, I64, f"{func.sym.link_name}.warned")
    warned.linkage = "internal"
    warned.initializer = ir.Constant(I64, 0)
    frame = f.args[0]
    state = b.load(b.inttoptr(b.add(frame, ir.Constant(I64, GEN_STATE)), PTR), typ=I64)
    fresh = b.icmp_signed("==", state, ir.Constant(I64, 0))
    first = b.icmp_signed("==", b.load(warned, typ=I64), ir.Constant(I64, 0))
    with b.if_then(b.and_(fresh, first)):
        b.store(ir.Constant(I64, 1), warned)
        warn = lowering.function(lowering.program.object_runtime["coro_never_awaited"])
        b.call(warn, [message, ir.Constant(I64, len(text.encode("utf-8")))])
