"""Lowering generators: the frame, its TypeInfo, and the resume protocol.

The IR builder (ir/build/generators.py) made each generator function into
a creation function (`GenNew`) and a resume function whose entry is a
`ResumeSwitch` and whose yields are `Suspend`s.  This mixin of `Lowering`
decides where the resume function's registers live: not in stack slots
but in the frame object, one word-aligned field each after the fixed
header (pythos/rt/obj/generator.py draws it):

    +--------+------+-------+--------+-------+-----------+-----------+--
    | refcnt | type | state | resume | value | register0 | register1 | ...
    +--------+------+-------+--------+-------+-----------+-----------+--

A register's "slot", which every read and write of it goes through, is
then the frame's address plus its offset, and nothing else in the
lowering changes.  LLVM keeps a value in a machine register between a
load and the next call or store it cannot see through, so a tight loop
between two yields costs little more than it would on the stack.

The frame's TypeInfo is a class instance's, flagged GENERATOR, with a
generated `clear`: on the frame's state it releases the registers live
at that state's resume point (the IR records them:
passes/generators.py), and the return value; `traverse` visits the same
for the cycle collector.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from llvmlite import ir

from .. import types as T
from ..ir import ops as O
from ..ir.ops import FuncIR, Register
from . import coroutines

if TYPE_CHECKING:
    from ..symbols import FuncSym
    from .instructions import Builder

PTR = ir.PointerType()
I32, I64 = ir.IntType(32), ir.IntType(64)
KIND_INSTANCE = 1
TRACKED = 1
GENERATOR = 2  # TypeInfo.flags (pythos/rt/obj/generator.py)
GEN_ITEM_REF = 4  # its items are references
GEN_RESULT_STR, GEN_RESULT_INT = 8, 16  # its return value is a str, an int
GEN_STATE, GEN_RESUME, GEN_VALUE, GEN_REGISTERS = 16, 24, 32, 40
# A coroutine's frame has one more word before its registers: the frame
# it awaits while suspended in an `await` (pythos/rt/obj/coroutine.py).
CORO_AWAITING = 40
GEN_RUNNING, GEN_FINISHED = -2, -1


def register_size(reg: Register) -> int:
    """Bytes of a register's storage: an address for a reference, an
    object or a str; a bytes value is its address, length and owner."""
    t = reg.type
    if reg.kind == "ref" or T.is_object(t) or t in (T.STR, T.OBJECT, T.NONE_VALUE):
        return 8
    if t is T.BYTES:
        return 24
    return max(T.sizeof(t), 1)


class FrameLayout:
    def __init__(self, func: FuncIR) -> None:
        self.func = func
        self.offsets: dict[int, int] = {}
        offset = GEN_REGISTERS + (8 if coroutines.is_coroutine(func) else 0)
        for reg in func.registers:
            if reg.is_param or reg.join is not None:
                continue
            size = register_size(reg)
            self.offsets[id(reg)] = offset
            offset += (size + 7) // 8 * 8
        self.size = offset
        self.typeinfo: ir.GlobalVariable | None = None


class GeneratorLowering:
    """Mixed into `lower.Lowering`."""

    if TYPE_CHECKING:
        program: Any
        module: ir.Module
        builder: Builder
        blocks: dict[int, ir.Block]
        slots: dict[Register, ir.Value]
        gen_frame: ir.Value  # the resume function's frame and out arguments
        gen_out: ir.Value

        def function(self, fn: FuncSym) -> ir.Function: ...
        def value(self, v: O.Value) -> ir.Value: ...
        def mem_ty(self, t: T.Type) -> ir.Type: ...
        def struct_ty(self, st: Any) -> ir.Type: ...
        def store_mem(self, p: ir.Value, v: ir.Value, t: T.Type,
                      volatile: bool = False) -> None: ...
        def cstring(self, name: str, text: str) -> ir.Constant: ...
        def decref(self, obj: ir.Value, maybe_none: bool) -> None: ...
        def ref_slot(self, p: ir.Value, t: T.Type) -> ir.Value: ...

    def layout_frames(self) -> None:
        """Every generator's frame layout and TypeInfo, before any function
        is lowered (a creation function may come first)."""
        self.frames: dict[int, FrameLayout] = {}
        for func in self.program.functions:
            if func.generator is not None:
                self.frames[id(func.sym)] = FrameLayout(func)
        for lay in self.frames.values():
            self.define_frame_typeinfo(lay)

    def frame_slot(self, func: FuncIR, reg: Register, frame: ir.Value,
                   b: ir.IRBuilder) -> ir.Value | None:
        """Where a resume function's register lives: in the frame."""
        if func.generator is None or reg.is_param or reg.join is not None:
            return None
        offset = self.frames[id(func.sym)].offsets[id(reg)]
        return b.inttoptr(b.add(frame, ir.Constant(I64, offset)), PTR, name=reg.name)

    def frame_word(self, frame: ir.Value, offset: int) -> ir.Value:
        b = self.builder
        return b.inttoptr(b.add(frame, ir.Constant(I64, offset)), PTR)

    # ----- the ops ---------------------------------------------------------------------
    def op_ResumeSwitch(self, op: O.ResumeSwitch) -> None:
        b = self.builder
        frame = self.gen_frame
        state_p = self.frame_word(frame, GEN_STATE)
        state = b.load(state_p, typ=I64)
        b.store(ir.Constant(I64, GEN_RUNNING), state_p)
        invalid = b.append_basic_block("resume.invalid")
        switch = b.switch(state, invalid)
        for k, target in enumerate(op.targets):
            switch.add_case(ir.Constant(I64, k), self.blocks[id(target)])
        b.position_at_end(invalid)
        b.unreachable()  # gen_resume resumes only a suspended or new frame

    def op_Suspend(self, op: O.Suspend) -> None:
        b = self.builder
        out = b.inttoptr(self.gen_out, PTR)
        v = self.value(op.value)
        if v.type != I64:
            v = b.zext(v, I64)
        b.store(v, out)
        b.store(ir.Constant(I64, op.index), self.frame_word(self.gen_frame, GEN_STATE))
        b.ret(ir.Constant(I64, op.status))

    def op_GenFinish(self, op: O.GenFinish) -> None:
        b = self.builder
        frame = self.gen_frame
        if op.value is not None:
            v = self.value(op.value)
            if v.type != I64:
                v = b.zext(v, I64)
            b.store(v, self.frame_word(frame, GEN_VALUE))
        b.store(ir.Constant(I64, GEN_FINISHED), self.frame_word(frame, GEN_STATE))
        b.ret(ir.Constant(I64, 0))

    def op_GenNew(self, op: O.GenNew) -> ir.Value:
        b = self.builder
        lay = self.frames[id(op.resume)]
        assert lay.typeinfo is not None
        new = self.function(self.program.object_runtime["obj_new"])
        frame = b.call(new, [lay.typeinfo.ptrtoint(I64), ir.Constant(I64, lay.size)])
        resume = self.function(op.resume)
        b.store(b.ptrtoint(resume, I64), self.frame_word(frame, GEN_RESUME))
        for arg, reg in zip(op.args, op.params, strict=True):
            self.store_mem(self.frame_word(frame, lay.offsets[id(reg)]), self.value(arg),
                           reg.type)
        return frame

    # ----- the frame's type ------------------------------------------------------------
    def define_frame_typeinfo(self, lay: FrameLayout) -> None:
        func = lay.func
        gen = func.generator
        st = self.program.typeinfo
        sym = func.sym
        held = {id(r): r for regs in gen.live for r in regs}
        containers = [r for r in held.values() if O.is_counted(r.type)]
        fields: dict[str, ir.Constant] = {name: ir.Constant(self.mem_ty(ft), 0)
                                          for name, ft in st.fields.items()}
        # An item word holds a reference where the item is one, or is a
        # bytes value's bytes object (ir/build/bytes.py, `bytes_to_item`).
        item_ref = GEN_ITEM_REF if O.counted_value(gen.type.element, func.count_str) else 0
        result = gen.type.result
        item_ref |= GEN_RESULT_STR if result is T.STR else GEN_RESULT_INT if result == T.I64 \
            else 0
        fields["kind"] = ir.Constant(I32, KIND_INSTANCE)
        fields["flags"] = ir.Constant(I32, GENERATOR | item_ref | (TRACKED if containers else 0)
                                      | coroutines.frame_flags(func))
        fields["size"] = ir.Constant(I64, lay.size)
        fields["name"] = self.cstring(f"{sym.link_name}.__name__",
                                      coroutines.frame_type_name(func))
        fields["module"] = self.cstring(f"{sym.link_name}.__module__", sym.module.name)
        finalize = self.define_frame_finalize(lay)
        if finalize is not None:
            # A generator's TypeInfo has no methods: its vtable word holds
            # the close-on-drop function (pythos/rt/obj/generator.py).
            fields["vtable"] = finalize.ptrtoint(I64)
        fields["clear"] = self.define_frame_clear(lay, finalize).ptrtoint(I64)
        if containers:
            fields["traverse"] = self.define_frame_traverse(lay).ptrtoint(I64)
        gv = ir.GlobalVariable(self.module, self.struct_ty(st), f"{sym.link_name}.__typeinfo__")
        gv.linkage = "internal"
        gv.global_constant = True
        gv.initializer = ir.Constant(self.struct_ty(st), [fields[n] for n in st.fields])
        gv.type = PTR
        lay.typeinfo = gv

    def frame_function(self, lay: FrameLayout, name: str,
                       params: int) -> tuple[ir.Function, Builder]:
        from .instructions import Builder
        f = ir.Function(self.module, ir.FunctionType(I64, [I64] * params),
                        f"{lay.func.sym.link_name}.{name}")
        f.linkage = "internal"
        f.attributes.add("nounwind")
        return f, Builder(f.append_basic_block("entry"))

    def per_state(self, lay: FrameLayout, f: ir.Function, b: Builder,
                  each: Any) -> ir.Block:
        """Switch on the frame's state and run `each(register)` for every
        register that holds a reference in that state; returns the block
        all cases reach."""
        frame = f.args[0]
        state = b.load(b.inttoptr(b.add(frame, ir.Constant(I64, GEN_STATE)), PTR), typ=I64)
        done = f.append_basic_block("done")
        switch = b.switch(state, done)
        for k, regs in enumerate(lay.func.generator.live):
            if not regs:
                continue
            case = f.append_basic_block(f"state{k}")
            switch.add_case(ir.Constant(I64, k), case)
            b.position_at_end(case)
            for reg in regs:
                each(b.inttoptr(b.add(frame, ir.Constant(I64, lay.offsets[id(reg)])), PTR),
                     reg)
            b.branch(done)
        b.position_at_end(done)
        return done

    def define_frame_finalize(self, lay: FrameLayout) -> ir.Function | None:
        """`finalize(frame)`: close the frame if it is suspended where a
        `finally`, an `except` or a `with` encloses the `yield` (the
        states the builder marked `guarded`), so that they run when the
        generator is dropped there; nothing in any other state, and no
        function at all if no state needs it (decided here, at compile
        time, so a plain generator's drop stays a release)."""
        gen = lay.func.generator
        if not any(gen.guarded) or gen.make is None or gen.finalize is None:
            return None
        f, b = self.frame_function(lay, "__finalize__", 1)
        frame = f.args[0]
        state = b.load(b.inttoptr(b.add(frame, ir.Constant(I64, GEN_STATE)), PTR), typ=I64)
        done = f.append_basic_block("done")
        close = f.append_basic_block("close")
        switch = b.switch(state, done)
        for k, guarded in enumerate(gen.guarded):
            if guarded:
                switch.add_case(ir.Constant(I64, k), close)
        b.position_at_end(close)
        finalize = self.function(gen.finalize)
        make = self.function(gen.make)
        name = self.cstring(f"{lay.func.sym.link_name}.__qualname__", gen.qualname)
        b.call(finalize, [frame, b.ptrtoint(make, I64), name])
        b.branch(done)
        b.position_at_end(done)
        b.ret(ir.Constant(I64, 0))
        return f

    def define_frame_clear(self, lay: FrameLayout, finalize: ir.Function | None) -> ir.Function:
        """`clear(frame)`: close the frame first if it needs it (`finalize`),
        then release what the frame holds in its state (the registers live
        there, and a finished generator's return value), each set to 0
        first (the collector may clear it before its release does), and
        mark it finished."""
        f, b = self.frame_function(lay, "__clear__", 1)
        saved = getattr(self, "builder", None)
        self.builder = b
        try:
            if finalize is not None:
                b.call(finalize, [f.args[0]])
            def drop(slot: ir.Value, reg: Register) -> None:
                slot = self.ref_slot(slot, reg.type)  # a bytes value's owner
                child = b.load(slot, typ=I64)
                b.store(ir.Constant(I64, 0), slot)
                self.decref(child, maybe_none=True)
            coroutines.warn_never_awaited(self, lay.func, f, b)  # lower/coroutines.py
            self.per_state(lay, f, b, drop)
            frame = f.args[0]
            b.store(ir.Constant(I64, GEN_FINISHED),
                    b.inttoptr(b.add(frame, ir.Constant(I64, GEN_STATE)), PTR))
            result = lay.func.generator.type.result
            if O.counted_value(result, lay.func.count_str):  # one word: bytes as its object
                slot = b.inttoptr(b.add(frame, ir.Constant(I64, GEN_VALUE)), PTR)
                drop(slot, lay.func.params[0])
            b.ret(ir.Constant(I64, 0))
        finally:
            if saved is not None:
                self.builder = saved
        return f

    def define_frame_traverse(self, lay: FrameLayout) -> ir.Function:
        """`traverse(frame, visit, arg)`: visit each object the frame holds."""
        f, b = self.frame_function(lay, "__traverse__", 3)
        _, visit, arg = f.args
        fty = ir.FunctionType(I64, [I64, I64])

        def show(slot: ir.Value, reg: Register) -> None:
            if not O.is_counted(reg.type):
                return
            child = b.load(slot, typ=I64)
            with b.if_then(b.icmp_unsigned("!=", child, ir.Constant(I64, 0))):
                b.call(b.inttoptr(visit, fty.as_pointer()), [child, arg])
        self.per_state(lay, f, b, show)
        frame = f.args[0]
        result = lay.func.generator.type.result
        if O.is_counted(result):
            show(b.inttoptr(b.add(frame, ir.Constant(I64, GEN_VALUE)), PTR),
                 Register("value", result))
        b.ret(ir.Constant(I64, 0))
        return f

