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
from .lower.debuginfo import fast_instruction_metadata
from .moduleasm import splice_module_asm
from .target import Target, make_target_machine

# A function name in a `define` line: the first `@name(` or `@"name"(`.
_DEFINED_NAME = re.compile(r'@("[^"]*"|[^\s(]+)\(')
# A `define` line: its text up to the debug attachment and the `{` (if
# any), and those.  It starts after a newline: a pattern that begins with
# a literal is searched for quickly, where `^` with re.M is tried at
# every position of the text.
_DEFINE = re.compile(r"\ndefine ([^\n]*?)((?: !dbg ![0-9]+)? *\{?)(?=\n)")
_GLOBAL = re.compile(r'\n(@"?[^\s=]+"? = )(global|constant|external global)')
_DECLARE = re.compile(r"\ndeclare (?!dso_local)")


def patch_ir(low: Lowering, asm: str) -> str:
    with fast_instruction_metadata():
        text = str(low.module)
    # Everything patched is in the module's body.  The metadata after it,
    # most of the text when there is debug information, is left alone.
    metadata_at = text.find("\n!")
    if metadata_at < 0:
        metadata_at = len(text)
    body, metadata = text[:metadata_at + 1], text[metadata_at + 1:]
    handlers = dict(low.interrupt_handlers)
    extra = "".join(" " + attribute for attribute in low.target.ir_function_attributes)
    marked: set[str] = set()

    def define(match: re.Match[str]) -> str:
        head, tail = match.group(1), match.group(2)
        name = _DEFINED_NAME.search(head)
        function = name.group(1).strip('"') if name else ""
        frame_type = handlers.get(function)
        if frame_type is not None and head.startswith("x86_intrcc void @"):
            # x86_intrcc requires `byval(<frame type>)` on the frame pointer.
            assert name is not None
            call = name.end()
            if head.startswith("ptr ", call):
                head = f"{head[:call]}ptr byval({frame_type}) {head[call + 4:]}"
                marked.add(function)
        # String attributes llvmlite does not know, then the target's, go
        # at the end of the line, before the debug attachment.
        for attribute in low.special_attrs.get(function, ()):
            head += " " + attribute
        head += extra
        # External symbols are resolved at static link time: say so, so
        # that LLVM never routes them through a global offset table.
        if not head.startswith(("internal", "private", "dso_local")):
            head = "dso_local " + head
        return f"\ndefine {head}{tail}"

    body = _DEFINE.sub(define, body)
    for name in handlers:
        if name not in marked:
            raise CompileError(f"internal: could not mark interrupt handler {name}")
    # (`dso_local` follows the linkage: `external dso_local global`.)
    body = _GLOBAL.sub(lambda m: f"\n{m.group(1)}"
                       + ("external dso_local global" if m.group(2) == "external global"
                          else f"dso_local {m.group(2)}"), body)
    body = _DECLARE.sub("\ndeclare dso_local ", body)
    if asm:
        # The module assembly goes after `target datalayout`, in the header
        # before the first blank line.
        header, blank, rest = body.partition("\n\n")
        body = splice_module_asm(header + "\n", asm) + blank[1:] + rest
    return body + metadata


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

    def simplify(self, mod: llvm.ModuleRef) -> None:
        """Clean up each function on its own, once, for the precompiled
        runtime's bitcode: locals out of their stack slots (SROA), then
        instruction combining and control-flow simplification.  No
        inlining and nothing module-wide: the full pipeline, run later
        over each program with the runtime linked in, then makes the same
        inlining decisions as over the raw lowering (the whole pipeline
        run here first left `binary_trees` 3.4% more instructions, since
        inlining inside the runtime, before it knew which of its symbols
        are private, changed what the second run could inline), only on
        smaller code."""
        if self.opt_level == 0:
            return
        pto = llvm.create_pipeline_tuning_options(speed_level=self.opt_level)
        pb = llvm.create_pass_builder(self.machine, pto)
        pm = llvm.create_new_module_pass_manager()
        pm.add_sroa_pass()
        pm.add_instruction_combine_pass()
        pm.add_simplify_cfg_pass()
        pm.run(mod, pb)

    def object_code(self, mod: llvm.ModuleRef) -> bytes:
        return self.machine.emit_object(mod)

    def assembly(self, mod: llvm.ModuleRef) -> str:
        return self.machine.emit_assembly(mod)
