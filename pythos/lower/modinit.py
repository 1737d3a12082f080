"""Module initialisation in the lowering (issue 11, item 6; the design is
in pythos/check/modinit.py).

- `pythos_init_modules` calls each module's `<module>` function in import
  order.  A Linux program's start-up code calls it before `main`; the
  kernel declares it as `pythos.rt.obj.runtime.init_modules` and kmain
  calls it once the heap and the object runtime are up.
- After `main` returns, a Linux program releases the globals that hold
  references in the reverse of the order they were set, as CPython
  clears a module's globals at shutdown; the leak check that follows
  then sees only what the program really lost (a cycle among globals is
  left to its collection).
- `GlobalGet` and `GlobalSet` are a counted global's load and store: a
  field's `GetAttr` and `SetAttr`, with the variable for the field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from llvmlite import ir

from .. import types as T
from ..ir import ops as O
from ..ir.ops import ModuleIR
from ..symbols import FuncSym
from .instructions import Builder

I64 = ir.IntType(64)
INIT_MODULES = "pythos_init_modules"


class ModuleInitLowering:
    """Mixed into `lower.Lowering`."""

    builder: Builder
    module: ir.Module
    program: ModuleIR
    global_vars: dict[int, ir.GlobalVariable]

    if TYPE_CHECKING:
        def function(self, fn: FuncSym) -> ir.Function: ...
        def load_mem(self, p: ir.Value, t: T.Type, volatile: bool = False) -> ir.Value: ...
        def store_mem(self, p: ir.Value, v: ir.Value, t: T.Type,
                      volatile: bool = False) -> None: ...
        def value(self, v: O.Value) -> ir.Value: ...
        def incref(self, obj: ir.Value, maybe_none: bool) -> None: ...
        def decref(self, obj: ir.Value, maybe_none: bool) -> None: ...
        def ref_word(self, v: ir.Value, t: T.Type) -> ir.Value: ...
        def ref_slot(self, p: ir.Value, t: T.Type) -> ir.Value: ...

    def op_GlobalGet(self, op: O.GlobalGet) -> ir.Value:
        v = self.load_mem(self.global_vars[id(op.sym)], op.type)
        # A global is 0 until its initialiser has run, whatever its type.
        if not op.borrowed:
            self.incref(self.ref_word(v, op.type), maybe_none=True)
        return v

    def op_GlobalSet(self, op: O.GlobalSet) -> None:
        p = self.global_vars[id(op.sym)]
        old = self.builder.load(self.ref_slot(p, op.sym.type), typ=I64)
        self.store_mem(p, self.value(op.value), op.sym.type)
        # Dropped after the store: it may be the last reference to
        # something that keeps the new value alive.
        self.decref(old, maybe_none=True)

    def define_init_modules(self) -> None:
        """`pythos_init_modules`: each module's initialiser, in import
        order (the kernel declares it @extern; else it is made here)."""
        existing = self.module.globals.get(INIT_MODULES)
        if existing is None and not self.program.module_inits and self.program.main is None:
            return
        if isinstance(existing, ir.Function):
            f = existing
            f.linkage = ""
        else:
            f = ir.Function(self.module, ir.FunctionType(ir.VoidType(), []), INIT_MODULES)
            f.linkage = "internal"
        f.attributes.add("nounwind")
        if self.target.freestanding:  # type: ignore[attr-defined]
            f.attributes.add("noredzone")
        b = Builder(f.append_basic_block("entry"))
        failed = self.program.object_runtime.get("obj_failed")
        for init in self.program.module_inits:
            b.call(self.function(init), [])
            if failed is not None and "exc_uncaught" in self.program.object_runtime:
                # An exception in a module's code: the modules after it
                # are not run (the start code reports it).
                stop = f.append_basic_block("failed")
                go_on = f.append_basic_block("next")
                b.cbranch(b.call(self.function(failed), []), stop, go_on)
                b.position_at_end(stop)
                b.ret_void()
                b.position_at_end(go_on)
        b.ret_void()

    def release_globals(self, b: Builder) -> None:
        """Drop the references the globals hold, last set first."""
        saved = getattr(self, "builder", None)
        self.builder = b
        for g in reversed(self.program.counted_globals):
            p = self.ref_slot(self.global_vars[id(g)], g.type)
            old = b.load(p, typ=I64)
            b.store(ir.Constant(I64, 0), p)
            self.decref(old, maybe_none=True)
        if saved is not None:
            self.builder = saved
