"""The compiler driver: run the stages in order and produce artefacts.

    parse  ->  check  ->  build IR  ->  lower  ->  emit
    (ast)     (types)    (pythos.ir)    (LLVM IR)  (object code)

Each stage has one entry point and a printable result, which `--dump` and
`--emit` expose.  The runtime modules (`pythos.rt.core` and `pythos.rt.mem`,
plus the target's platform module under the name `pythos.rt.platform`) are
compiled into every program; a user-space program that imports
`pythos.syscalls` gets its target's system calls (`target_aliases`).
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import rtcache, rtsplit
from .check import Checker, check
from .diagnostics import CompileError
from .emit import Emitter, patch_ir
from .gcpause import paused_gc
from .ir.build import build
from .ir.ops import ModuleIR
from .ir.passes import run_passes
from .ir.verify import IRError, verify_module
from .lower import lower
from .parse import PACKAGE_ROOT, Program, load_program
from .rtcache import Runtime
from .target import Target

RUNTIME = ["pythos.rt.core", "pythos.rt.mem"]
# The object runtime (docs/objects.md), compiled in only for a program that
# uses objects, so that small programs compile as fast as before.
OBJECT_RUNTIME = ["pythos.rt.obj.object", "pythos.rt.obj.runtime", "pythos.rt.obj.leaks",
                  "pythos.rt.obj.capture", "pythos.rt.obj.report", "pythos.rt.obj.strconv",
                  "pythos.rt.obj.strmethods", "pythos.rt.obj.strcase", "pythos.rt.obj.listsort",
                  "pythos.rt.obj.strtabs", "pythos.rt.obj.exc", "pythos.rt.obj.bytesops"]


@dataclass
class Compilation:
    program: Program
    ir: ModuleIR | None = None
    ir_text: str = ""
    optimized_ir: str = ""
    asm: str = ""
    obj: bytes = b""
    timings: dict[str, float] = field(default_factory=dict)
    # Interrupt handlers by symbol, and whether each takes an error code
    # (for the kernel's symbol table: pythos/kernel_tools/symtab.py).
    interrupt_handlers: dict[str, bool] = field(default_factory=dict)
    # The precompiled runtime's object file to join with `obj`, if any.
    runtime_object: Path | None = None


def platform_module(target: Target) -> Path:
    return PACKAGE_ROOT / "pythos" / "rt" / f"{target.platform}.py"


def target_aliases(target: Target) -> dict[str, Path]:
    """The modules a target swaps in: its platform module, the system
    calls of `pythos.syscalls` (whose own file is for CPython), `gc` and
    `traceback`."""
    rt = PACKAGE_ROOT / "pythos" / "rt"
    aliases = {"pythos.rt.platform": platform_module(target),
               # `import gc`: gc.collect() runs the runtime's cycle collector.
               "gc": rt / "obj" / "gc_module.py",
               # `import traceback`: format_exception() of a caught exception.
               "traceback": rt / "obj" / "traceback_module.py"}
    if not target.freestanding:
        aliases["pythos.syscalls"] = rt / f"{target.platform}_syscalls.py"
    return aliases


# Every stage walks the syntax tree recursively, and a program may nest
# an expression up to parse.MAX_NESTING levels deep (each level costs a few
# Python frames, and CPython's parser recurses in C).  So the pipeline runs
# in a thread with a stack far larger than the main thread's 8 MiB and a
# recursion limit to match; the stack is virtual memory, only touched as
# deep as a program actually goes.
STACK_BYTES = 512 * 1024 * 1024
RECURSION_LIMIT = 200_000


def on_deep_stack(work: Callable[[], Compilation]) -> Compilation:
    """Run `work` on a thread with a deep stack; return its result or
    raise what it raised."""
    results: list[Compilation] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(work())
        except BaseException as e:  # noqa: BLE001 - handed to the caller
            errors.append(e)

    previous_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous_limit, RECURSION_LIMIT))
    try:
        previous_size = threading.stack_size(STACK_BYTES)
        try:
            thread = threading.Thread(target=run, name="pythos-compile", daemon=True)
            thread.start()
        finally:
            threading.stack_size(previous_size)
    except (RuntimeError, ValueError, MemoryError):
        # No room for such a stack (a tight `ulimit -v`): compile here, with
        # the default limit, where a deep program gets the checker's
        # "nested too deeply" error instead.
        sys.setrecursionlimit(previous_limit)
        return work()
    try:
        thread.join()
    finally:
        sys.setrecursionlimit(previous_limit)
    if errors:
        raise errors[0]
    return results[0]


def compile_file(entry: Path, target: Target, opt_level: int = 2, emit: str = "obj",
                 stop_after: str | None = None,
                 aliases: dict[str, Path] | None = None,
                 debug: bool = False, leak_check: bool = False) -> Compilation:
    """Compile `entry` and its imports.  `emit` is "obj", "asm" or "llvm";
    `stop_after` ("parse", "check" or "ir") ends the pipeline early.  `aliases`
    maps module names to the files that stand in for them (the kernel's
    test builds swap in a generated test registry this way).  `debug` adds
    DWARF debug information (pythos/lower/debuginfo.py).  `leak_check`
    makes a program that uses objects check, when main returns, that it
    freed every object it made (pythos/rt/obj/leaks.py)."""
    # The collector is paused for the whole pipeline: everything it
    # allocates lives until the compilation is returned (pythos/gcpause.py).
    with paused_gc():
        return on_deep_stack(lambda: run_pipeline(entry, target, opt_level, emit, stop_after,
                                                  aliases, debug, leak_check))


def run_pipeline(entry: Path, target: Target, opt_level: int, emit: str,
                 stop_after: str | None, aliases: dict[str, Path] | None,
                 debug: bool, leak_check: bool = False) -> Compilation:
    times: dict[str, float] = {}
    start = time.perf_counter()
    all_aliases = {**target_aliases(target), **(aliases or {})}
    implicit = RUNTIME
    program = load_program(entry, aliases=all_aliases, implicit=implicit)
    times["parse"] = time.perf_counter() - start
    result = Compilation(program, timings=times)
    # A program's object file is made with the runtime precompiled
    # (pythos/rtcache.py).  The stages that stop early, LLVM IR or assembly,
    # which are read as one whole, builds with debug information (whose
    # line and inlining tables the tools read as one unit) and the kernel
    # (whose image must not depend on -g) see the runtime compiled with
    # the program.
    separate = emit == "obj" and stop_after is None and not debug \
        and not target.freestanding
    runtime: Runtime | None = None
    try:
        if stop_after == "parse":
            return result
        if separate:
            start = time.perf_counter()
            runtime = precompiled_runtime(target, opt_level, debug, implicit, all_aliases)
            times["runtime"] = time.perf_counter() - start
        start = time.perf_counter()
        checker = check(program, target.freestanding, skip_of(runtime))
        if checker.uses_objects and checker.object_use is None and stop_after != "check" \
                and any(name not in program.modules for name in OBJECT_RUNTIME):
            # Objects need their runtime: load and check again with it.
            implicit = RUNTIME + OBJECT_RUNTIME
            program = load_program(entry, aliases=all_aliases, implicit=implicit)
            result.program = program
            if separate:
                fetch = time.perf_counter()
                runtime = precompiled_runtime(target, opt_level, debug, implicit, all_aliases)
                times["runtime"] += time.perf_counter() - fetch
                start += time.perf_counter() - fetch
            checker = check(program, target.freestanding, skip_of(runtime))
        times["check"] = time.perf_counter() - start
        for warning in checker.warnings:  # check/coroutines.py: never awaited
            sys.stderr.write(warning.render() + "\n")
        if stop_after == "check":
            return result
        # Objects are checked but not yet lowered (issue 11): one clean
        # diagnostic at the first use, before the lowering sees them.
        checker.stop_before_lowering()
        result.ir = build_ir(checker, target, times, external=skip_of(runtime))
        result.ir.leak_check = leak_check
        if stop_after == "ir":
            return result
        generate(result, target, opt_level, emit, debug, times, runtime)
        if result.runtime_object is not None:
            start = time.perf_counter()
            result.obj = rtcache.join(result.obj, result.runtime_object)
            times["link"] = time.perf_counter() - start
    except RecursionError:
        raise CompileError("the program is nested too deeply to compile") from None
    return result


def skip_of(runtime: Runtime | None) -> frozenset[str]:
    return runtime.modules if runtime is not None else frozenset()


def build_ir(checker: Checker, target: Target, times: dict[str, float],
             external: frozenset[str] = frozenset(),
             exported: frozenset[str] = frozenset()) -> ModuleIR:
    start = time.perf_counter()
    module = build(checker, target.freestanding, external, exported)
    run_passes(module)  # bounds-check removal (pythos/ir/passes/)
    try:
        verify_module(module)
    except IRError as e:
        raise CompileError(f"internal compiler error: {e}") from None
    times["ir"] = time.perf_counter() - start
    return module


def generate(result: Compilation, target: Target, opt_level: int, emit: str, debug: bool,
             times: dict[str, float], runtime: Runtime | None = None) -> None:
    """Lower, optimise and emit `result.ir`: the stages after the IR.  A
    precompiled `runtime` in LLVM bitcode joins the module before it is
    optimised; `emit` "bitcode" gives the module as bitcode, each function
    simplified on its own (the precompiled runtime's form above -O0)."""
    assert result.ir is not None
    start = time.perf_counter()
    low = lower(result.ir, target, debug=debug, optimized=opt_level > 0)
    # Module-level assembly goes with the code of the module it is in.
    external = result.ir.external_modules
    exported = result.ir.exported_modules
    asm = "\n".join(call.args[0].value  # type: ignore[attr-defined]
                    for m in result.program.modules.values()
                    if m.name not in external and (not exported or m.name in exported)
                    for call in m.asm_calls)
    result.ir_text = patch_ir(low, asm)
    result.interrupt_handlers = {
        name: len(low.module.get_global(name).args) == 2
        for name, _ in low.interrupt_handlers}
    times["lower"] = time.perf_counter() - start
    start = time.perf_counter()
    emitter = Emitter(target, opt_level)
    text = result.ir_text
    split = runtime is not None and runtime.bitcode and runtime.inline is not None \
        and rtsplit.covers(text, runtime.internal)
    copies = ""
    private: set[str] = set()
    if split and runtime is not None:
        # The runtime bodies this program calls, as private copies
        # (pythos/rtsplit.py, "Private copies").
        library = rtcache.load_library(runtime)
        private = rtsplit.choose(text, library.index)
        if private:
            text, copies = rtsplit.copies(text, library, private)
    mod = emitter.parse(text)
    if emit == "bitcode":
        # Simplified once here, so that each program's pipeline starts
        # from the runtime's cleaned-up code (docs/compiler.md, "The
        # precompiled runtime").
        emitter.simplify(mod)
        times["optimize"] = time.perf_counter() - start
        result.obj = mod.as_bitcode()
        return
    if runtime is not None and not runtime.bitcode:
        result.runtime_object = runtime.path
    elif split and runtime is not None:
        # The runtime optimised once: its inlinable bodies join the
        # module, its machine code the object (pythos/rtsplit.py).
        rtcache.link_inline(mod, runtime)
        if copies:
            rtcache.link_copies(mod, copies, private)
        result.runtime_object = runtime.split_object
        times["link"] = time.perf_counter() - start
        start = time.perf_counter()
    elif runtime is not None:
        rtcache.link_bitcode(mod, runtime)
        times["link"] = time.perf_counter() - start
        start = time.perf_counter()
    emitter.optimize(mod)
    times["optimize"] = time.perf_counter() - start
    start = time.perf_counter()
    if emit == "llvm":
        result.optimized_ir = str(mod)
    elif emit == "asm":
        result.asm = emitter.assembly(mod)
    else:
        result.obj = emitter.object_code(mod)
    times["codegen"] = time.perf_counter() - start


# The entry the runtime is compiled with on its own: a program with no code,
# so that only the runtime's modules are loaded.
RUNTIME_ENTRY = '''"""The runtime, compiled on its own (pythos/rtcache.py)."""


def main() -> None:
    pass
'''


def precompiled_runtime(target: Target, opt_level: int, debug: bool, implicit: list[str],
                        aliases: dict[str, Path]) -> Runtime | None:
    """The runtime modules `implicit` bring in, compiled once for these
    settings and kept in the cache (None when the cache is off): machine
    code at -O0, LLVM bitcode to optimise with each program above it."""
    def compile_runtime() -> rtcache.Built:
        with tempfile.TemporaryDirectory(prefix="pythos-rt-") as tmp:
            entry = Path(tmp) / "runtime_entry.py"
            entry.write_text(RUNTIME_ENTRY)
            program = load_program(entry, aliases=aliases, implicit=implicit)
            checker = check(program, target.freestanding)
            modules = frozenset(name for name in program.modules if name != program.entry.name)
            result = Compilation(program)
            result.ir = build_ir(checker, target, result.timings, exported=modules)
            generate(result, target, opt_level, "obj" if opt_level == 0 else "bitcode", debug,
                     result.timings)
            # What was private to the program when the runtime was compiled
            # into it, and is again once the bitcode is linked in.
            private = {fn.link_name for fn in checker.functions
                       if fn.module.name in modules
                       and not (fn.exported or fn.extern or fn.interrupt)}
            private |= {g.link_name for g in checker.globals
                        if g.module.name in modules and not g.exported}
            built = rtcache.Built(result.obj, program, private)
            if rtcache.split_wanted(opt_level):
                # Optimised once, with the runtime's helpers internal
                # (pythos/rtsplit.py; PYTHOS_RTSPLIT=1 asks for it).
                quoted = rtsplit.compiler_names(PACKAGE_ROOT)
                helpers = {name for name in private if name.rpartition(".")[2] not in quoted}
                done = rtsplit.split(result.obj, helpers, Emitter(target, opt_level))
                built.split_object, built.inline = done.object_code, done.inline_bitcode
                built.internal = done.internal
                built.library = done.library
            return built

    return rtcache.runtime_for(target, opt_level, debug, implicit, aliases, compile_runtime)
