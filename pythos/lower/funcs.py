"""Lowering function values (docs/objects.md, "Functions as values"), a
mixin of `lower.Lowering`.

A function value is the address of a `FuncObject` (pythos/rt/obj/func.py):
a call through one loads the code address at offset 16 and calls it with
the object as a hidden first argument, then the arguments at the value's
own parameter types.  A top-level function used as a value is a static
object emitted here once, with an IMMORTAL count, so that using it as a
value allocates nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from llvmlite import ir

from .. import types as T
from ..ir import ops as O
from ..types import NONE

if TYPE_CHECKING:
    from ..symbols import FuncSym
    from .instructions import Builder

I64 = ir.IntType(64)
PTR = ir.PointerType()
IMMORTAL = 1 << 60
FUNC_CODE = 16


class FuncLowering:
    """Mixed into `lower.Lowering`."""

    builder: Builder
    module: ir.Module
    program: O.ModuleIR
    global_vars: dict[int, ir.GlobalVariable]

    if TYPE_CHECKING:
        def value(self, v: O.Value) -> ir.Value: ...
        def val_ty(self, t: T.Type) -> ir.Type: ...
        def function(self, fn: FuncSym) -> ir.Function: ...
        def load_mem(self, p: ir.Value, t: T.Type, volatile: bool = False) -> ir.Value: ...
        def store_mem(self, p: ir.Value, v: ir.Value, t: T.Type,
                      volatile: bool = False) -> None: ...
        def incref(self, obj: ir.Value, maybe_none: bool) -> None: ...
        def decref(self, obj: ir.Value, maybe_none: bool) -> None: ...
        def counts(self, t: T.Type) -> bool: ...
        def ref_word(self, v: ir.Value, t: T.Type) -> ir.Value: ...
        def ref_slot(self, p: ir.Value, t: T.Type) -> ir.Value: ...

    def slot_ptr(self, obj: ir.Value, offset: int) -> ir.Value:
        b = self.builder
        return b.inttoptr(b.add(obj, ir.Constant(I64, offset)), PTR)

    def op_StaticFunc(self, op: O.StaticFunc) -> ir.Value:
        """The static object {IMMORTAL, FUNC_TYPE, thunk, 0 slots, name},
        made once per function."""
        name = f"{op.code.link_name}.__object__"
        gv: Any = self.module.globals.get(name)
        if gv is None:
            ty = ir.LiteralStructType([I64, I64, I64, I64, I64])
            gv = ir.GlobalVariable(self.module, ty, name)
            gv.linkage = "internal"
            gv.align = 8
            gv.initializer = ir.Constant(ty, [
                ir.Constant(I64, IMMORTAL), self.global_vars[id(op.func_type)].ptrtoint(I64),
                self.function(op.code).ptrtoint(I64), ir.Constant(I64, 0),
                self.value(op.name)])
        return self.builder.ptrtoint(gv, I64)

    def op_SlotLoad(self, op: O.SlotLoad) -> ir.Value:
        v = self.load_mem(self.slot_ptr(self.value(op.obj), op.offset), op.type)
        if self.counts(op.type):
            # a cell not yet assigned holds 0
            self.incref(self.ref_word(v, op.type), maybe_none=True)
        return v

    def op_SlotStore(self, op: O.SlotStore) -> None:
        p = self.slot_ptr(self.value(op.obj), op.offset)
        new = self.value(op.value)
        t = op.slot_type
        if not self.counts(t):
            self.store_mem(p, new, t)
            return
        # As SetAttr: the old value is dropped after the store.
        old = self.builder.load(self.ref_slot(p, t), typ=I64)
        self.store_mem(p, new, t)
        self.decref(old, maybe_none=True)

    def op_CallValue(self, op: O.CallValue) -> ir.Value | None:
        b = self.builder
        func = self.value(op.func)
        args = [func, *(self.value(a) for a in op.args)]
        result = ir.VoidType() if op.type is NONE else self.val_ty(op.type)
        fty = ir.FunctionType(result, [I64, *(self.val_ty(p) for p in op.params)])
        code = b.load(self.slot_ptr(func, FUNC_CODE), typ=I64)
        call = b.call(b.inttoptr(code, fty.as_pointer()), args)
        return None if op.type is NONE else call
