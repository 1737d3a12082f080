"""Stage 4, lower: turn the program's IR into one LLVM IR module.

The IR (`pythos/ir/`) has already fixed the order of operations and the
control flow, so the lowering is a translation: one LLVM basic block per
IR block and, in `instructions.py`, one method per kind of op.  What it
decides is representation (see docs/language.md for the semantics):

    integers   iN values; bool is i1 in registers and i8 in memory
    str        i64: the address of a str object (a literal is a static one)
    bytes      {ptr, i64, i64}: the address and length of the data, and the
               bytes object that owns it (0 for constant data: a view)
    objects    i64: an instance's address, 0 for None
    Ptr[T]     an LLVM `ptr`
    Array/struct  always handled through a pointer to their storage; a
               function returning one writes it through a hidden first
               (sret-style) parameter

Every register gets a stack slot allocated in the entry block, and
LLVM's mem2reg pass turns the slots into SSA values at -O1 and above;
a merge register (the value of `a or b`, `x if c else y`) becomes a phi
at the start of its join block instead.
Function attributes (no red zone, nounwind, the interrupt calling
convention, noinline and cold on the runtime's output and panic paths)
are set here too.
"""

from __future__ import annotations

import ast

from llvmlite import ir

from .. import types as T
from ..diagnostics import CompileError, Location
from ..gcpause import paused_gc
from ..ir.ops import FuncIR, GlobalIR, ModuleIR, Op, Register
from ..symbols import FuncSym
from ..target import Target
from ..types import BOOL, BYTES, NONE, STR, ArrayType, IntType, PtrType, StructType
from . import inlining
from .debuginfo import DebugInfo
from .funcs import FuncLowering
from .generators import GeneratorLowering
from .instructions import ASCII_TABLE, Builder, InstructionLowering, opaque_global
from .modinit import INIT_MODULES, ModuleInitLowering
from .objects import ObjectLowering

PTR = ir.PointerType()
I1, I8, I32, I64 = ir.IntType(1), ir.IntType(8), ir.IntType(32), ir.IntType(64)
SLICE = ir.LiteralStructType([PTR, I64, I64])
RT = "pythos.rt.core"
RT_NOINLINE = {"flush", "write_str", "write_bytes", "write_char", "write_fill", "write_bool",
               "write_u64", "write_i64", "write_i64_spec", "write_int", "write_str_spec",
               "str_width", "str_eq", "bytes_eq", "panic_begin", "panic_end", "panic_index",
               "panic_msg", "exit_program"}


class Lowering(InstructionLowering, ObjectLowering, ModuleInitLowering, FuncLowering,
               GeneratorLowering):
    def __init__(self, program: ModuleIR, target: Target, debug: bool = False,
                 optimized: bool = True) -> None:
        self.program = program
        self.target = target
        # A context of its own: struct type names must not clash with those
        # of an earlier compilation in the same process.
        self.module = ir.Module(name=program.name, context=ir.Context())
        self.module.triple = target.triple
        self.strings: dict[tuple[bytes, bool], ir.GlobalVariable] = {}
        self.tuple_consts: dict[int, ir.Constant] = {}  # static tuples' addresses (objects.py)
        self.pow_helpers: dict[str, ir.Function] = {}
        self.alias_tags: dict[str, ir.MDValue] = {}  # TBAA tags (instructions.py, alias_tag)
        self.interrupt_handlers: list[tuple[str, str]] = []
        self.special_attrs: dict[str, list[str]] = {}
        self.struct_types: dict[int, ir.Type] = {}
        self.functions: dict[int, ir.Function] = {}
        self.global_vars: dict[int, ir.GlobalVariable] = {}
        # DWARF metadata (pythos/lower/debuginfo.py), when compiling with -g.
        self.debug = DebugInfo(self.module, optimized) if debug else None

    # ----- types ---------------------------------------------------------------------
    def val_ty(self, t: T.Type) -> ir.Type:
        if T.is_object(t) or t is T.NONE_VALUE:
            return I64  # an object's address, or 0 for None (docs/objects.md)
        if isinstance(t, IntType):
            return ir.IntType(t.bits)
        if t is BOOL:
            return I1
        if t is STR:
            return I64  # the address of a str object (a literal's is static)
        if t is BYTES:
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
        lt = self.struct_types.get(id(st))
        if lt is None:
            lt = self.module.context.get_identified_type(st.qualname, packed=st.packed)
            self.struct_types[id(st)] = lt
            lt.set_body(*[self.mem_ty(ft) for ft in st.fields.values()])
        return lt

    # ----- module -----------------------------------------------------------------------
    def run(self) -> ir.Module:
        # The str type's descriptor first: every str literal points at it;
        # then the static one-character strs, which some literals are.
        first = [g for sym in (self.program.str_type, self.program.ascii_chars)
                 for g in self.program.globals if g.sym is sym]
        for g in first + [g for g in self.program.globals if g not in first]:
            self.declare_global(g)
        for const in self.program.strings:
            self.string_constant(const.data, const.type is STR)
        self.declare_classes()
        for fn in self.program.declarations:
            self.declare_function(fn)
        if self.program.classes:
            self.define_classes()
        self.layout_frames()  # generators' frames (lower/generators.py)
        for func in self.program.functions:
            self.define_function(func)
        if not self.program.exported_modules:  # not the runtime compiled alone
            self.define_init_modules()  # lower/modinit.py
        if self.program.main is not None and not self.program.exported_modules:
            self.define_start(self.program.main)
        if self.debug is not None:
            self.debug.finish()
        return self.module

    def declare_global(self, g: GlobalIR) -> None:
        # The static one-character strs: the same bytes as the runtime's
        # Array[u8, 6144], typed as the str objects they hold.
        table = g.sym is self.program.ascii_chars
        ty = ASCII_TABLE if table else self.mem_ty(g.sym.type)
        gv = ir.GlobalVariable(self.module, ty, g.sym.link_name)
        module = g.sym.module.name
        if module in self.program.external_modules:
            # Defined by the precompiled runtime (pythos/rtcache.py).
            self.global_vars[id(g.sym)] = opaque_global(gv)
            return
        if module not in self.program.exported_modules:
            gv.linkage = "internal"
        gv.initializer = self.ascii_chars_table() if table else self.const_init(g.init, g.sym.type)
        self.global_vars[id(g.sym)] = opaque_global(gv)
        if self.debug is not None:
            self.debug.global_variable(g.sym, gv)

    def const_init(self, value: object, t: T.Type) -> ir.Constant:
        """The LLVM constant for a `GlobalIR.init` value of type `t`."""
        if value is None:
            return ir.Constant(self.mem_ty(t), None)
        if isinstance(t, StructType):
            assert isinstance(value, dict)
            return ir.Constant(self.mem_ty(t), [self.const_init(value[name], ft)
                                                for name, ft in t.fields.items()])
        if t is BOOL:
            return ir.Constant(I8, int(bool(value)))
        if t in (STR, BYTES):
            assert isinstance(value, bytes)
            return self.string_constant(value, t is STR)
        assert isinstance(value, int)
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
            self.functions[id(fn)] = existing
            return
        f = ir.Function(self.module, fty, fn.link_name)
        # Separate compilation (pythos/rtcache.py): a function of another
        # object file; compiling the runtime, every function, since the
        # code the IR builder makes for a program may call any of them.
        separate = fn.module.name in self.program.external_modules \
            or bool(self.program.exported_modules)
        if not (fn.exported or fn.extern or fn.interrupt or separate):
            f.linkage = "internal"
        if self.target.freestanding or fn.interrupt:
            f.attributes.add("noredzone")
        f.attributes.add("nounwind")
        if fn.interrupt:
            f.calling_convention = "x86_intrcc"
            frame = self.program.interrupt_frame
            assert frame is not None
            self.interrupt_handlers.append((fn.link_name, str(self.struct_ty(frame))))
        if fn.module.name == RT and fn.name in RT_NOINLINE:
            # Inlining the output path at every print() multiplied code size
            # and compile time for no speed that matters.
            f.attributes.add("noinline")
            if fn.name.startswith("panic"):
                f.attributes.add("cold")
        for inline in inlining.attributes_for(fn.module.name, fn.name):
            f.attributes.add(inline)  # the object runtime's fast paths (inlining.py)
        if fn.module.name == "pythos.rt.obj.object" and fn.name == "obj_release":
            # The rare end of every inline decrement: keep it out of line.
            f.attributes.add("noinline")
            f.attributes.add("cold")
        if fn.link_name in ("memcpy", "memset", "memmove", "memcmp"):
            # LLVM recognises these loops and would turn them into calls to
            # themselves; "no-builtins" forbids that.
            self.special_attrs.setdefault(fn.link_name, []).append('"no-builtins"')
        self.functions[id(fn)] = f

    def define_start(self, main: FuncSym) -> None:
        """`pythos_start`, called by the Linux `_start`: run main, then flush
        output and exit."""
        f = ir.Function(self.module, ir.FunctionType(ir.VoidType(), []), "pythos_start")
        b = Builder(f.append_basic_block("entry"))
        b.call(self.function(self.program.runtime["catch_faults"]), [])
        objects = self.program.object_runtime
        # The object runtime starts before any of the program's code (a
        # program that imports the runtime's modules itself starts them).
        if "init_all" in objects:
            b.call(self.function(objects["init_all"]), [])
        leaks = self.program.leak_check and "leak_report" in objects
        if leaks:
            b.call(self.function(objects["leak_baseline"]), [])
        # Module-level code in import order, main, then the globals released
        # in reverse (lower/modinit.py).
        b.call(self.module.globals[INIT_MODULES], [])
        exceptions = "exc_uncaught" in objects
        if exceptions:
            self.stop_if_failed(b, f, None)
        if not self.program.main_in_init:
            b.call(self.function(main), [])
            if exceptions:
                self.stop_if_failed(b, f, self.program.main_site)
        self.release_globals(b)
        if leaks:
            b.call(self.function(objects["leak_report"]), [])
        b.call(self.function(self.program.runtime["exit_program"]), [])
        b.unreachable()

    def stop_if_failed(self, b: Builder, f: ir.Function,
                       site: tuple[str, int, str] | None) -> None:
        """An exception left the program's code: report it as CPython does
        (with the `<module>` frame at `site`, the call of main) and exit
        with status 1 (pythos/rt/obj/exc.py)."""
        objects = self.program.object_runtime
        failed = b.call(self.function(objects["obj_failed"]), [])
        stop = f.append_basic_block("uncaught")
        go_on = f.append_basic_block("ok")
        b.cbranch(failed, stop, go_on)
        b.position_at_end(stop)
        if site is None:
            b.call(self.function(objects["exc_abort"]), [])
        else:
            file, line, text = site
            b.call(self.function(objects["exc_uncaught"]), [
                self.string_constant(file.encode(), True),
                self.string_constant(b"<module>", True), ir.Constant(ir.IntType(32), line),
                self.string_constant(text.encode(), True)])
        b.unreachable()
        b.position_at_end(go_on)

    def function(self, fn: FuncSym) -> ir.Function:
        return self.functions[id(fn)]

    # ----- functions -------------------------------------------------------------------
    def define_function(self, func: FuncIR) -> None:
        fn = func.sym
        f = self.function(fn)
        entry = f.append_basic_block("entry")
        self.alloca_builder = Builder(entry)
        self.blocks = {id(block): f.append_basic_block(block.label) for block in func.blocks}
        self.builder = Builder(self.blocks[id(func.blocks[0])])
        self.values: dict[Op, ir.Value] = {}
        self.slots: dict[Register, ir.Value] = {}
        args = list(f.args)
        if func.generator is not None:
            self.gen_frame, self.gen_out = args[0], args[2]
        self.sret = func.sret
        if func.sret is not None:
            self.slots[func.sret] = args.pop(0)
        assert fn.node is not None
        if self.debug is not None:
            # The parameters' stores get no line of their own: the function's
            # prologue then ends at its first statement, where gdb's
            # `break function` stops with the parameters in place.
            self.debug.begin_function(fn, f)
        self.phis: dict[Register, ir.PhiInstr] = {}
        self.pending_phis = []
        for reg in func.registers:
            if reg.join is not None:
                # A merge register is a phi at the start of its join block
                # (which the builder dropped if nothing reaches it).
                join = self.blocks.get(id(reg.join))
                if join is not None:
                    self.phis[reg] = Builder(join).phi(self.val_ty(reg.type), name=reg.name)
                continue
            # Scalars and owned aggregates live in a slot of their memory
            # type; a reference is a pointer slot.
            ty = PTR if reg.kind == "ref" else self.mem_ty(reg.type)
            # A generator's registers live in its frame (lower/generators.py).
            slot = None if func.generator is None else \
                self.frame_slot(func, reg, args[0], self.alloca_builder)
            self.slots[reg] = slot if slot is not None else \
                self.alloca_builder.alloca(ty, name=reg.name)
        for reg, arg in zip(func.params, args, strict=False):
            arg.name = reg.name
            if reg.kind == "ref":
                self.builder.store(arg, self.slots[reg])
            else:
                self.store_mem(self.slots[reg], arg, reg.type)
        if self.debug is not None and func.generator is None:
            self.declare_locals(func)
        op: Op | None = None
        try:
            for block in func.blocks:
                self.builder.position_at_end(self.blocks[id(block)])
                for op in block.ops:
                    if self.debug is not None:
                        self.builder.debug_metadata = self.debug.location_at(op.pos)
                    self.lower_op(op)
        except CompileError:
            raise
        except Exception as e:  # a compiler bug: report where it happened
            pos = op.pos if op is not None else None
            where = fn.module.loc(fn.node) if pos is None else \
                Location.from_node(pos.module.path, pos.module.source,
                                   ast.Pass(lineno=pos.line, col_offset=pos.column - 1))
            raise CompileError(f"internal compiler error: {type(e).__name__}: {e}",
                               where, kind="error") from e
        self.alloca_builder.branch(self.blocks[id(func.blocks[0])])
        if self.debug is not None:
            self.debug.end_function()

    def declare_locals(self, func: FuncIR) -> None:
        """Tell the debugger where each local and parameter lives."""
        fn = func.sym
        assert self.debug is not None and fn.node is not None
        params = [p.name for p in fn.params]
        for reg in func.registers:
            var = reg.local
            if var is None:
                continue
            number = params.index(var.name) + 1 if var.name in params else 0
            self.debug.declare_local(self.alloca_builder, fn, var, self.slots[reg],
                                     fn.node, number)


def lower(program: ModuleIR, target: Target, debug: bool = False,
          optimized: bool = True) -> Lowering:
    low = Lowering(program, target, debug, optimized)
    with paused_gc():
        low.run()
    return low
