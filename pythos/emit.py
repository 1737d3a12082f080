"""Stage 4, emit: from the lowered IR module to object code.

llvmlite builds IR as text, and a few things we need have no API there, so
this stage patches the text before LLVM parses it:

- module-level assembly (`global_asm`, the boot stub, `_start`) is spliced
  in after the `target datalayout` line;
- interrupt handlers get `byval(<frame type>)` on their first parameter,
  which the x86_intrcc calling convention requires;
- string attributes outside llvmlite's whitelist (`"no-builtins"`) are
  added to the functions that need them, and the target's
  (`"frame-pointer"="all"` for the kernel) to every function, before any
  `!dbg` attachment (pythos/lower/debuginfo.py);
- every global definition and declaration is marked `dso_local`, so that
  the static code never goes through a GOT.

The patched text is parsed, verified, optimised with LLVM's standard
pipeline at the requested level, and turned into an object file.
"""

from __future__ import annotations

import re

import llvmlite.binding as llvm

from .diagnostics import CompileError
from .lower import Lowering
from .moduleasm import splice_module_asm
from .target import Target, make_target_machine


def patch_ir(low: Lowering, asm: str) -> str:
    text = str(low.module)
    for name, frame_type in low.interrupt_handlers:
        pattern = re.compile(r'(define x86_intrcc void @"?' + re.escape(name) + r'"?\()ptr ')
        text, n = pattern.subn(r"\1ptr byval(" + frame_type.replace("\\", "\\\\") + ") ",
                               text)
        if n != 1:
            raise CompileError(f"internal: could not mark interrupt handler {name}")
    for name, attrs in low.special_attrs.items():
        pattern = re.compile(r'(define [^\n]*@"?' + re.escape(name) + r'"?\([^\n]*?\)[^\n{!]*?)'
                             r'(?=(?: !dbg ![0-9]+)? *\{?$)', flags=re.M)
        text = pattern.sub(r"\1 " + " ".join(attrs), text, count=1)
    if low.target.ir_function_attributes:
        # llvmlite prints each definition's attributes at the end of its
        # `define` line, before the debug attachment `!dbg !N` if there is
        # one (the `{` follows on the next line).
        extra = " " + " ".join(low.target.ir_function_attributes)
        text = re.sub(r"^(define [^\n]*?)((?: !dbg ![0-9]+)? *\{?)$",
                      lambda m: m.group(1) + extra + m.group(2), text, flags=re.M)
    # External symbols are resolved at static link time: say so, so that
    # LLVM never routes them through a global offset table.
    text = re.sub(r'^(@"?[^\s=]+"? = )(global|constant|external global)', r"\1dso_local \2",
                  text, flags=re.M)
    text = re.sub(r'^define (?!internal|private|dso_local)', "define dso_local ", text,
                  flags=re.M)
    text = re.sub(r'^declare (?!dso_local)', "declare dso_local ", text, flags=re.M)
    if asm:
        text = splice_module_asm(text, asm)
    return text


class Emitter:
    def __init__(self, target: Target, opt_level: int) -> None:
        self.target = target
        self.opt_level = opt_level
        self.machine = make_target_machine(target, opt_level)

    def parse(self, text: str) -> llvm.ModuleRef:
        try:
            mod = llvm.parse_assembly(text)
            mod.verify()
        except RuntimeError as e:
            raise CompileError(f"internal compiler error: LLVM rejected the generated IR: "
                               f"{str(e).strip()[:2000]}") from None
        mod.triple = self.target.triple
        mod.data_layout = str(self.machine.target_data)
        return mod

    def optimize(self, mod: llvm.ModuleRef) -> None:
        if self.opt_level == 0:
            return
        pto = llvm.create_pipeline_tuning_options(speed_level=self.opt_level)
        pb = llvm.create_pass_builder(self.machine, pto)
        pm = pb.getModulePassManager()
        pm.run(mod, pb)

    def object_code(self, mod: llvm.ModuleRef) -> bytes:
        return self.machine.emit_object(mod)

    def assembly(self, mod: llvm.ModuleRef) -> str:
        return self.machine.emit_assembly(mod)
